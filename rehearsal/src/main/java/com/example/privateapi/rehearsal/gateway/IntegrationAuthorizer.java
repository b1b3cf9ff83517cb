package com.example.privateapi.rehearsal.gateway;

import com.example.privateapi.iam.Decision;
import com.example.privateapi.iam.ParsedRequest;
import com.example.privateapi.iam.Policy;
import com.example.privateapi.iam.PolicyEvaluator;
import com.example.privateapi.iam.Principal;
import com.example.privateapi.rehearsal.identity.IdentityStore;
import com.example.privateapi.rehearsal.identity.Role;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Whether API Gateway may invoke a method's Lambda function, decided as Lambda decides {@code lambda:InvokeFunction}
 * for the credentials the integration names ("Control access to a REST API with IAM permissions" and "Lambda
 * integrations", API Gateway Developer Guide; "Working with resource-based IAM policies in Lambda", Lambda Developer
 * Guide):
 * <ul>
 *   <li>none: API Gateway's own permission, which the function's resource policy must give to
 *       {@code apigateway.amazonaws.com} for a {@code SourceArn} matching the method;</li>
 *   <li>the caller's ({@code arn:aws:iam::*:user/*}): the caller's identity policies must allow the invocation, and
 *       from another account the function's resource policy too;</li>
 *   <li>a role: it must trust {@code apigateway.amazonaws.com}, and allow the invocation.</li>
 * </ul>
 */
public final class IntegrationAuthorizer {

    /** The outcome: permitted, or refused with the explanation of the policy that refused. */
    public record Result(boolean permitted, String explanation) {
    }

    private static final String SERVICE = "apigateway.amazonaws.com";

    private final PolicyEvaluator evaluator;
    private final IdentityStore identities;
    private final Function<String, Optional<Policy>> functionPolicies;

    /**
     * @param functionPolicies the resource policy of a function, by its unqualified ARN, parsed when its stack was
     *                         applied; empty when it has none
     */
    public IntegrationAuthorizer(PolicyEvaluator evaluator, IdentityStore identities,
                                 Function<String, Optional<Policy>> functionPolicies) {
        this.evaluator = evaluator;
        this.identities = identities;
        this.functionPolicies = functionPolicies;
    }

    /**
     * @param caller           the authorized caller of the method
     * @param callerPolicies   the caller's identity policies
     * @param sourceArn        the method's execute-api ARN, which API Gateway invokes the function from
     * @param sourceAccount    the API's account
     */
    Result check(Route route, Principal caller, List<Policy> callerPolicies, String sourceArn, String sourceAccount) {
        String function = route.functionArn();
        String functionAccount = Route.account(function);
        Policy resourcePolicy = functionPolicies.apply(Route.unqualified(function)).orElse(null);
        String credentials = route.credentials();
        if (credentials == null) {
            Decision decision = evaluator.evaluate(new ParsedRequest(Principal.service(SERVICE),
                    "lambda:InvokeFunction", function, functionAccount, Map.of("aws:SourceArn", List.of(sourceArn),
                    "aws:SourceAccount", List.of(sourceAccount)), List.of(), resourcePolicy, null));
            return decision.allowed() ? new Result(true, null) : new Result(false, "API Gateway invokes " + function
                    + " with its own permission (the method has no integration credentials), and the function's "
                    + "resource policy does not give it: " + decision.reason() + ". Add an AWS::Lambda::Permission "
                    + "for " + SERVICE + " with SourceArn " + sourceArn + " (SAM writes one per Api event).");
        }
        if (credentials.equals(Route.CALLER_CREDENTIALS)) {
            Decision decision = evaluator.evaluate(new ParsedRequest(caller, "lambda:InvokeFunction", function,
                    functionAccount, Map.of(), callerPolicies, resourcePolicy, null));
            return decision.allowed() ? new Result(true, null) : new Result(false, "API Gateway invokes " + function
                    + " with the caller's credentials (integration credentials " + credentials + ", which SAM writes "
                    + "for AWS_IAM unless Auth.InvokeRole is NONE): " + decision.reason() + ". Set Auth.InvokeRole: "
                    + "NONE on the API so that API Gateway invokes the function with the permission its resource "
                    + "policy gives API Gateway.");
        }
        Optional<Role> role = identities.role(credentials);
        if (role.isEmpty()) {
            return new Result(false, "The integration credentials name the role " + credentials + ", which does not "
                    + "exist in the rehearsal.");
        }
        Decision trust = evaluator.evaluate(new ParsedRequest(Principal.service(SERVICE), "sts:AssumeRole",
                role.get().arn(), role.get().accountId(), Map.of(), List.of(), role.get().trustPolicy(), null));
        if (!trust.allowed()) {
            return new Result(false, "API Gateway cannot assume the integration role " + credentials + ": "
                    + trust.reason());
        }
        Principal session = Principal.roleSession(role.get().arn(), role.get().roleId(), "BackplaneAssumeRoleSession");
        Decision decision = evaluator.evaluate(new ParsedRequest(session, "lambda:InvokeFunction", function,
                functionAccount, Map.of(), role.get().identityPolicies(), resourcePolicy, null));
        return decision.allowed() ? new Result(true, null) : new Result(false, "API Gateway invokes " + function
                + " as the integration role " + credentials + ": " + decision.reason());
    }
}
