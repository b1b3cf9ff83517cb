package com.example.privateapi.diagnose.evaluate;

import com.example.privateapi.iam.apigateway.ExecuteApiContext;
import com.example.privateapi.diagnose.model.ApiView;
import com.example.privateapi.diagnose.model.ClientKind;
import com.example.privateapi.diagnose.model.ClientView;
import com.example.privateapi.diagnose.model.Deployment;
import com.example.privateapi.diagnose.model.EndpointView;
import com.example.privateapi.diagnose.model.FunctionView;
import com.example.privateapi.diagnose.model.Read;
import com.example.privateapi.diagnose.model.RoleView;
import com.example.privateapi.diagnose.report.Line;
import com.example.privateapi.iam.AuthorizationRequest;
import com.example.privateapi.iam.Decision;
import com.example.privateapi.iam.NamedPolicy;
import com.example.privateapi.iam.Outcome;
import com.example.privateapi.iam.PolicyException;
import com.example.privateapi.iam.Principal;
import com.example.privateapi.iam.apigateway.ExecuteApiArn;
import com.example.privateapi.iam.apigateway.ResourcePolicyShorthand;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Each client's request, decided as API Gateway and STS would with the live policies: the direct client signs with
 * its own role; the assume-role client first asks STS for the provider role (its role's identity policies and the
 * provider role's trust policy), then signs with that role. API Gateway evaluates the caller's identity policies,
 * the API's resource policy and the endpoint's policy, with the endpoint's id as {@code aws:SourceVpce}.
 */
public final class RequestEvaluation {

    private final PolicyQuestions questions;
    private final Clock clock;

    public RequestEvaluation(PolicyQuestions questions, Clock clock) {
        this.questions = questions;
        this.clock = clock;
    }

    public List<Line> evaluate(Deployment d) {
        List<Line> lines = new ArrayList<>();
        ClientView direct = d.consumer().client(ClientKind.DIRECT);
        if (direct.deployed()) {
            String title = "direct client → API Gateway";
            lines.add(direct.function().then(f -> direct.role().map(role -> gateway(d, title, f, role,
                    Callers.bareFunctionName(f.functionName())))).get().orElseGet(() ->
                    notEvaluated(title, direct.function(), direct.role())));
        }
        ClientView assume = d.consumer().client(ClientKind.ASSUME_ROLE);
        if (assume.deployed()) {
            lines.add(assumeRole(d, assume));
            String title = "assume-role client → API Gateway";
            Read<RoleView> assumed = assume.function().then(f -> roleToAssume(d, f));
            lines.add(assume.function().then(f -> assumed.map(role -> gateway(d, title, f, role,
                    Callers.assumeRoleSessionName(Callers.bareFunctionName(f.functionName()))))).get()
                    .orElseGet(() -> notEvaluated(title, assume.function(), assumed)));
        }
        return lines;
    }

    private static Read<RoleView> roleToAssume(Deployment d, FunctionView function) {
        String arn = function.env("ROLE_TO_ASSUME");
        if (arn == null || arn.isBlank()) {
            return Read.failed("the role to assume", "ROLE_TO_ASSUME is not set");
        }
        return d.provider().role(arn.trim());
    }

    private static Line notEvaluated(String title, Read<?>... needs) {
        for (Read<?> read : needs) {
            if (read instanceof Read.Failed<?> failed) {
                return Line.notChecked(title + ": not evaluated, " + failed.what() + " could not be read");
            }
        }
        return Line.notChecked(title + ": not evaluated");
    }

    /** API Gateway's decision on the client's {@code GET /} on its stage, signed by {@code role}. */
    private Line gateway(Deployment d, String title, FunctionView function, RoleView role, String sessionName) {
        Read<String> providerAccount = d.provider().account();
        Read<ApiView> api = d.provider().api();
        Read<EndpointView> endpoint = d.consumer().endpoint();
        for (Read<?> read : List.of(providerAccount, api, endpoint)) {
            if (read instanceof Read.Failed<?>) {
                return notEvaluated(title, read);
            }
        }
        String host = function.env("API_HOST") == null ? "" : function.env("API_HOST").trim().toLowerCase(Locale.ROOT);
        String apiId = host.contains(".") ? host.substring(0, host.indexOf('.')) : host;
        ApiView theApi = api.get().orElseThrow();
        if (!theApi.id().equals(apiId)) {
            return Line.fail(title + ": API_HOST names API " + (apiId.isEmpty() ? "(none)" : apiId) + ", not the "
                    + "provider's API " + theApi.id() + ": API Gateway answers 403 Forbidden");
        }
        String prefix = function.env("API_PREFIX") == null ? "/" : function.env("API_PREFIX").trim();
        String stage = prefix.replaceAll("^/+", "").replaceAll("/+$", "");
        String region = d.provider().side().region();
        String account = providerAccount.get().orElseThrow();
        String resource = ExecuteApiArn.of(region, account, apiId, stage, "GET", "/");
        EndpointView through = endpoint.get().orElseThrow();
        Principal caller = Principal.roleSession(role.arn(), role.roleId(), sessionName);
        NamedPolicy resourcePolicy = theApi.policy() == null ? null : new NamedPolicy("resource policy of API "
                + apiId, ResourcePolicyShorthand.expand(theApi.policy(), region, account, apiId));
        NamedPolicy endpointPolicy = through.policy() == null ? null
                : new NamedPolicy("endpoint policy of " + through.id(), through.policy());
        String what = title + " (GET " + resource + ")";
        if (resourcePolicy == null) {
            return Line.fail(what + ": API " + apiId + " has no resource policy, so its private endpoint answers "
                    + "no one", "fix: update the provider stack " + d.provider().side().stack()
                    + " to restore it, then redeploy the stage");
        }
        Decision decision;
        try {
            decision = questions.evaluate(new AuthorizationRequest(caller, "execute-api:Invoke", resource, account,
                    ExecuteApiContext.throughEndpoint(through.id(), through.vpcId(), region, clock.instant()),
                    role.identityPolicies(), resourcePolicy, endpointPolicy));
        } catch (PolicyException e) {
            return Line.fail(what + ": could not be evaluated: " + e.getMessage());
        }
        if (decision.allowed()) {
            return Line.pass(what + ": Allow", "why: " + decision.reason());
        }
        return Line.fail(what + ": " + decision.outcome().label() + "; API Gateway answers 403 \"User: "
                + caller.arn() + " is not authorized to perform: execute-api:Invoke on resource: " + resource
                + (decision.outcome() == Outcome.EXPLICIT_DENY ? " with an explicit deny" : "") + "\"",
                "why: " + decision.reason());
    }

    /** STS's decision on the assume-role client's AssumeRole of ROLE_TO_ASSUME. */
    private Line assumeRole(Deployment d, ClientView client) {
        String title = "assume-role client → STS AssumeRole";
        if (!(client.function() instanceof Read.Ok<FunctionView> ok) || !client.role().isOk()) {
            return notEvaluated(title, client.function(), client.role());
        }
        FunctionView function = ok.value();
        RoleView own = client.role().get().orElseThrow();
        Read<RoleView> target = roleToAssume(d, function);
        if (target instanceof Read.Failed<RoleView>) {
            return notEvaluated(title, target);
        }
        RoleView role = target.get().orElseThrow();
        Principal caller = Principal.roleSession(own.arn(), own.roleId(),
                Callers.bareFunctionName(function.functionName()));
        Map<String, List<String>> context = new HashMap<>();
        String region = d.consumer().side().region();
        context.put("aws:RequestedRegion", List.of(region));
        context.put("aws:SecureTransport", List.of("true"));
        context.put("aws:CurrentTime", List.of(clock.instant().toString()));
        NamedPolicy endpointPolicy = null;
        Optional<EndpointView> sts = d.consumer().stsEndpoints().get().flatMap(list -> list.stream()
                .filter(EndpointView::privateDns).findFirst());
        if (sts.isPresent()) {
            context.put("aws:SourceVpce", List.of(sts.get().id()));
            context.put("aws:SourceVpc", List.of(sts.get().vpcId()));
            if (sts.get().policy() != null) {
                endpointPolicy = new NamedPolicy("endpoint policy of " + sts.get().id(), sts.get().policy());
            }
        }
        String what = title + " of " + role.arn();
        Decision decision;
        try {
            decision = questions.evaluate(new AuthorizationRequest(caller, "sts:AssumeRole", role.arn(),
                    role.accountId(), context, own.identityPolicies(),
                    new NamedPolicy("trust policy of role " + role.name(), role.trustPolicy()), endpointPolicy));
        } catch (PolicyException e) {
            return Line.fail(what + ": could not be evaluated: " + e.getMessage());
        }
        if (decision.allowed()) {
            return Line.pass(what + ": Allow", "why: " + decision.reason());
        }
        return Line.fail(what + ": " + decision.outcome().label() + "; STS answers AccessDenied \"User: "
                + caller.arn() + " is not authorized to perform: sts:AssumeRole on resource: " + role.arn() + "\"",
                "why: " + decision.reason());
    }
}
