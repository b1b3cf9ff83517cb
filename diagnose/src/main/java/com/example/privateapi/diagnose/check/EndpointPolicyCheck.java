package com.example.privateapi.diagnose.check;

import com.example.privateapi.iam.apigateway.ExecuteApiContext;
import com.example.privateapi.diagnose.evaluate.Callers;
import com.example.privateapi.diagnose.evaluate.PolicyQuestions;
import com.example.privateapi.diagnose.model.ClientKind;
import com.example.privateapi.diagnose.model.ClientView;
import com.example.privateapi.diagnose.model.Deployment;
import com.example.privateapi.diagnose.model.EndpointView;
import com.example.privateapi.diagnose.model.Read;
import com.example.privateapi.diagnose.model.RoleView;
import com.example.privateapi.diagnose.model.StackView;
import com.example.privateapi.iam.Decision;
import com.example.privateapi.iam.NamedPolicy;
import com.example.privateapi.iam.PolicyException;
import com.example.privateapi.iam.Principal;
import com.example.privateapi.iam.apigateway.ExecuteApiArn;
import com.example.privateapi.diagnose.report.Line;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The execute-api endpoint's policy lets each client's request for the provider's API stage through, asked of the
 * IAM evaluator with the principal each client signs as.
 */
public final class EndpointPolicyCheck implements Check {

    private final PolicyQuestions questions;
    private final Clock clock;

    public EndpointPolicyCheck(PolicyQuestions questions, Clock clock) {
        this.questions = questions;
        this.clock = clock;
    }

    @Override
    public List<Line> check(Deployment d) {
        String title = "endpoint policy";
        Read<String> apiId = Facts.providerOutput(d, "APIGatewayID");
        Read<String> stage = Facts.providerOutput(d, "APIStageName");
        Optional<Read.Failed<?>> missing = Facts.firstFailure(d.consumer().endpoint(), d.provider().account(),
                apiId, stage);
        if (missing.isPresent()) {
            return List.of(Facts.notChecked(title, missing.get()));
        }
        EndpointView endpoint = d.consumer().endpoint().get().orElseThrow();
        if (endpoint.policy() == null) {
            return List.of(Line.pass("endpoint " + endpoint.id() + " has no policy of its own: it lets every request "
                    + "through"));
        }
        String region = d.provider().side().region();
        String providerAccount = d.provider().account().get().orElseThrow();
        String resource = ExecuteApiArn.of(region, providerAccount, apiId.get().orElseThrow(),
                stage.get().orElseThrow(), "GET", "/");
        NamedPolicy policy = new NamedPolicy("endpoint policy of " + endpoint.id(), endpoint.policy());
        List<Line> lines = new ArrayList<>();
        for (ClientView client : d.consumer().clients()) {
            if (!client.deployed()) {
                continue;
            }
            String what = client.kind().label() + ": the policy of endpoint " + endpoint.id();
            Read<Principal> caller = caller(d, client);
            if (caller instanceof Read.Failed<Principal> failed) {
                lines.add(Facts.notChecked(what, failed));
                continue;
            }
            Decision decision;
            try {
                decision = questions.endpointAlone(caller.get().orElseThrow(), "execute-api:Invoke", resource,
                        ExecuteApiContext.throughEndpoint(endpoint.id(), endpoint.vpcId(), region, clock.instant()),
                        policy);
            } catch (PolicyException e) {
                lines.add(Line.fail(what + " could not be evaluated: " + e.getMessage(), restore(d, resource)));
                continue;
            }
            if (decision.allowed()) {
                String statement = PolicyQuestions.decidingIn(decision, policy).map(s -> " (" + s.label() + ")")
                        .orElse("");
                lines.add(Line.pass(what + " lets its request for " + resource + " through" + statement));
            } else {
                lines.add(Line.fail(what + " does not let its request for " + resource + " through ("
                        + decision.outcome().label() + ")", "why: " + decision.reason(), fix(d, resource)));
            }
        }
        return lines;
    }

    /** Who signs the client's request: the direct client's own role, or the provider role the other assumes. */
    private static Read<Principal> caller(Deployment d, ClientView client) {
        return client.function().then(function -> {
            String bare = Callers.bareFunctionName(function.functionName());
            if (client.kind() == ClientKind.DIRECT) {
                String roleId = client.role().get().map(RoleView::roleId).orElse(null);
                return Read.ok(Principal.roleSession(function.roleArn(), roleId, bare));
            }
            return Facts.providerOutput(d, "APIAccessRole").map(arn -> Principal.roleSession(arn,
                    d.provider().role(arn).get().map(RoleView::roleId).orElse(null),
                    Callers.assumeRoleSessionName(bare)));
        });
    }

    /**
     * The template builds the endpoint policy from pAPIHost, pAPIPrefix and pAPIAccountID: the first of them that
     * does not match the provider is the fix; if all do, the policy was edited outside the stack.
     */
    private static String fix(Deployment d, String resource) {
        Read<StackView> stack = d.consumer().stack();
        Optional<StackView> consumer = stack.get();
        String providerAccount = d.provider().account().get().orElse(null);
        String consumerAccount = d.consumer().account().get().orElse(null);
        if (consumer.isPresent() && providerAccount != null) {
            String accountParameter = consumer.get().parameter("pAPIAccountID");
            String policyAccount = "Local".equals(accountParameter) ? consumerAccount : accountParameter;
            if (accountParameter != null && !providerAccount.equals(policyAccount)) {
                return Facts.setParameter(d.consumer().side(), stack, "pAPIAccountID", providerAccount);
            }
            String host = Facts.providerOutput(d, "APIGatewayFQDN").get().orElse(null);
            if (host != null && !host.equalsIgnoreCase(consumer.get().parameter("pAPIHost"))) {
                return Facts.setParameter(d.consumer().side(), stack, "pAPIHost", host);
            }
            String stage = Facts.providerOutput(d, "APIStageName").get().orElse(null);
            if (stage != null && !("/" + stage).equals(consumer.get().parameter("pAPIPrefix"))) {
                return Facts.setParameter(d.consumer().side(), stack, "pAPIPrefix", "/" + stage);
            }
        }
        return restore(d, resource);
    }

    private static String restore(Deployment d, String resource) {
        String stageArn = resource.substring(0, resource.length() - "GET/".length()) + "*";
        return "fix: the endpoint policy was changed outside CloudFormation: update the consumer stack "
                + d.consumer().side().stack() + " (profile " + d.consumer().side().profile()
                + ") to restore it (it allows execute-api:Invoke on " + stageArn + ")";
    }
}
