package com.example.privateapi.iam;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The decision table, expected values from "Policy evaluation logic", "Cross-account policy evaluation logic" (IAM
 * User Guide) and "How API Gateway resource policies affect authorization workflow" (API Gateway Developer Guide):
 * an explicit deny anywhere wins; same account, an allow in either the identity or the resource policy is enough;
 * another account, both must allow; a VPC endpoint policy must also allow traffic through its endpoint.
 */
class DecisionRulesTest {

    static final String API = "arn:aws:execute-api:us-east-1:222222222222:abc123defg/Prod/GET/";
    static final String PROVIDER = "222222222222";
    static final String ALLOW_INVOKE = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Invoke\",\"Effect\":\"Allow\","
            + "\"Action\":\"execute-api:Invoke\",\"Resource\":\"arn:aws:execute-api:*:*:*/*\"}]}";
    static final String DENY_INVOKE = ALLOW_INVOKE.replace("\"Allow\"", "\"Deny\"").replace("Invoke\",\"Effect",
            "NoInvoke\",\"Effect");

    static Principal principal(String kind, String account) {
        return switch (kind) {
            case "session" -> Principal.roleSession("arn:aws:iam::" + account + ":role/Client", "AROACLIENT", "s1");
            case "user" -> new Principal("arn:aws:iam::" + account + ":user/alice", account, "AIDAALICE", null);
            case "anonymous" -> Principal.anonymous();
            default -> throw new IllegalArgumentException(kind);
        };
    }

    /** A resource policy whose principal element is {@code who} (JSON), with the given effect. */
    static String resourcePolicy(String effect, String who) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Api\",\"Effect\":\"" + effect + "\","
                + "\"Principal\":" + who + ",\"Action\":\"execute-api:Invoke\",\"Resource\":\"" + API + "\"}]}";
    }

    @ParameterizedTest(name = "{0} of {1}; identity {2}; resource {3} naming {4}; endpoint {5} -> {6}")
    @CsvSource(delimiter = ';', value = {
        // same account: either policy is enough
        "session; 222222222222; allow; none; -; none; Allow",
        "session; 222222222222; none; allow; {\"AWS\":\"arn:aws:iam::222222222222:role/Client\"}; none; Allow",
        "session; 222222222222; none; none; -; none; ImplicitDeny",
        "session; 222222222222; allow; deny; \"*\"; none; ExplicitDeny",
        // same account, account principal: it delegates to the account's identity policies (see
        // PrincipalElementRulesTest); a role or session ARN grants by itself
        "session; 222222222222; none; allow; {\"AWS\":\"222222222222\"}; none; ImplicitDeny",
        "session; 222222222222; none; allow; {\"AWS\":\"arn:aws:iam::222222222222:root\"}; none; ImplicitDeny",
        "session; 222222222222; allow; allow; {\"AWS\":\"222222222222\"}; none; Allow",
        "session; 222222222222; none; allow; {\"AWS\":\"arn:aws:sts::222222222222:assumed-role/Client/s1\"}; none; Allow",
        "user; 222222222222; none; allow; {\"AWS\":\"arn:aws:iam::222222222222:user/alice\"}; none; Allow",
        "user; 222222222222; none; allow; {\"AWS\":\"222222222222\"}; none; ImplicitDeny",
        "session; 222222222222; deny; allow; \"*\"; none; ExplicitDeny",
        // cross account: both are needed
        "session; 111111111111; allow; none; -; none; ImplicitDeny",
        "session; 111111111111; none; allow; {\"AWS\":\"arn:aws:iam::111111111111:role/Client\"}; none; ImplicitDeny",
        "session; 111111111111; allow; allow; {\"AWS\":\"arn:aws:iam::111111111111:role/Client\"}; none; Allow",
        "session; 111111111111; allow; allow; {\"AWS\":\"111111111111\"}; none; Allow",
        "session; 111111111111; allow; allow; {\"AWS\":\"arn:aws:iam::111111111111:root\"}; none; Allow",
        "session; 111111111111; allow; allow; {\"AWS\":\"arn:aws:sts::111111111111:assumed-role/Client/s1\"}; none; Allow",
        "session; 111111111111; allow; allow; {\"AWS\":\"arn:aws:sts::111111111111:assumed-role/Client/other\"}; none; ImplicitDeny",
        "session; 111111111111; allow; allow; {\"AWS\":\"arn:aws:iam::111111111111:role/Other\"}; none; ImplicitDeny",
        "session; 111111111111; allow; allow; {\"AWS\":\"333333333333\"}; none; ImplicitDeny",
        "session; 111111111111; allow; allow; \"*\"; none; Allow",
        "session; 111111111111; deny; allow; \"*\"; none; ExplicitDeny",
        "session; 111111111111; allow; deny; {\"AWS\":\"111111111111\"}; none; ExplicitDeny",
        "user; 111111111111; allow; allow; {\"AWS\":\"arn:aws:iam::111111111111:user/alice\"}; none; Allow",
        "user; 111111111111; none; allow; {\"AWS\":\"arn:aws:iam::111111111111:user/alice\"}; none; ImplicitDeny",
        // anonymous callers: only a resource policy naming everyone can allow
        "anonymous; -; none; allow; \"*\"; none; Allow",
        "anonymous; -; none; allow; {\"AWS\":\"111111111111\"}; none; ImplicitDeny",
        "anonymous; -; none; none; -; none; ImplicitDeny",
        // the VPC endpoint policy as a further gate
        "session; 111111111111; allow; allow; \"*\"; allow; Allow",
        "session; 111111111111; allow; allow; \"*\"; other-api; ImplicitDeny",
        "session; 111111111111; allow; allow; \"*\"; deny; ExplicitDeny",
        "session; 222222222222; allow; none; -; other-api; ImplicitDeny",
    })
    void decision(String kind, String account, String identity, String resource, String who, String endpoint,
                  String expected) {
        List<NamedPolicy> identityPolicies = new ArrayList<>();
        if (identity.equals("allow")) {
            identityPolicies.add(new NamedPolicy("identity", ALLOW_INVOKE));
        } else if (identity.equals("deny")) {
            identityPolicies.add(new NamedPolicy("identity", DENY_INVOKE));
        }
        NamedPolicy resourcePolicy = resource.equals("none") ? null : new NamedPolicy("resource",
                resourcePolicy(resource.equals("allow") ? "Allow" : "Deny", who));
        NamedPolicy endpointPolicy = switch (endpoint) {
            case "allow" -> new NamedPolicy("endpoint", resourcePolicy("Allow", "\"*\""));
            case "deny" -> new NamedPolicy("endpoint", resourcePolicy("Deny", "\"*\""));
            case "other-api" -> new NamedPolicy("endpoint", resourcePolicy("Allow", "\"*\"").replace("abc123defg",
                    "otherapi00"));
            default -> null;
        };
        Decision decision = new PolicyEvaluator().evaluate(new AuthorizationRequest(principal(kind, account),
                "execute-api:Invoke", API, PROVIDER, Map.of("aws:SourceVpce", List.of("vpce-1")), identityPolicies,
                resourcePolicy, endpointPolicy));
        assertEquals(expected, decision.outcome().label(), decision.reason());
        if (expected.equals("ExplicitDeny")) {
            assertTrue(decision.reason().startsWith("Explicit deny by "), decision.reason());
            assertEquals("Deny", decision.deciding().get(0).effect());
        }
    }

    @Test
    void aServicePrincipalIsAllowedOnlyByATrustPolicyNamingIt() {
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
                + "\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
        Decision lambda = new PolicyEvaluator().evaluate(new AuthorizationRequest(
                Principal.service("lambda.amazonaws.com"), "sts:AssumeRole", "arn:aws:iam::1:role/r", "111111111111",
                Map.of(), List.of(), new NamedPolicy("trust", trust), null));
        assertEquals(Outcome.ALLOW, lambda.outcome());
        Decision ec2 = new PolicyEvaluator().evaluate(new AuthorizationRequest(
                Principal.service("ec2.amazonaws.com"), "sts:AssumeRole", "arn:aws:iam::1:role/r", "111111111111",
                Map.of(), List.of(), new NamedPolicy("trust", trust), null));
        assertEquals(Outcome.IMPLICIT_DENY, ec2.outcome());
    }

    @Test
    void explanationsNameThePolicyTheStatementAndTheValues() {
        String resource = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"DenyOutsideAllowedEndpoints\","
                + "\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"execute-api:Invoke\",\"Resource\":\"*\","
                + "\"Condition\":{\"StringNotEquals\":{\"aws:SourceVpce\":[\"vpce-0000\"]}}}]}";
        Decision decision = new PolicyEvaluator().evaluate(new AuthorizationRequest(principal("session",
                "111111111111"), "execute-api:Invoke", API, PROVIDER, Map.of("aws:SourceVpce", List.of("vpce-1")),
                List.of(), new NamedPolicy("API resource policy", resource), null));
        assertEquals(Outcome.EXPLICIT_DENY, decision.outcome());
        assertEquals("Explicit deny by \"API resource policy\" statement \"DenyOutsideAllowedEndpoints\": condition "
                + "StringNotEquals aws:SourceVpce [vpce-0000] against the request's [vpce-1] holds", decision.reason());
        assertEquals("DenyOutsideAllowedEndpoints", decision.deciding().get(0).sid());

        Decision crossAccount = new PolicyEvaluator().evaluate(new AuthorizationRequest(principal("session",
                "111111111111"), "execute-api:Invoke", API, PROVIDER, Map.of(), List.of(),
                new NamedPolicy("API resource policy", resourcePolicy("Allow", "{\"AWS\":\"111111111111\"}")), null));
        assertEquals("Cross-account request: \"API resource policy\" statement \"Api\" names the account "
                + "111111111111, which delegates to the account: the caller's identity policies must allow too, and "
                + "none does", crossAccount.reason());

        Decision byRole = new PolicyEvaluator().evaluate(new AuthorizationRequest(principal("session",
                "111111111111"), "execute-api:Invoke", API, PROVIDER, Map.of(), List.of(),
                new NamedPolicy("API resource policy", resourcePolicy("Allow",
                        "{\"AWS\":\"arn:aws:iam::111111111111:role/Client\"}")), null));
        assertTrue(byRole.reason().startsWith("Cross-account request: \"API resource policy\" statement \"Api\" "
                + "allows it, but no identity policy of arn:aws:sts::111111111111:assumed-role/Client/s1 allows "
                + "execute-api:Invoke"), byRole.reason());
    }

    @Test
    void invalidPoliciesNameTheElement() {
        PolicyException e = assertThrows(PolicyException.class, () -> new PolicyEvaluator().evaluate(
                new AuthorizationRequest(principal("user", PROVIDER), "s3:GetObject", "*", PROVIDER, Map.of(),
                        List.of(new NamedPolicy("broken", "{\"Statement\":[{\"Effect\":\"Alow\",\"Action\":\"*\","
                                + "\"Resource\":\"*\"}]}")), null, null)));
        assertEquals("policy \"broken\" statement #0: Effect must be \"Allow\" or \"Deny\", got \"Alow\"",
                e.getMessage());
        PolicyException operator = assertThrows(PolicyException.class, () -> new PolicyEvaluator().evaluate(
                new AuthorizationRequest(principal("user", PROVIDER), "s3:GetObject", "*", PROVIDER, Map.of(),
                        List.of(new NamedPolicy("broken", "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\","
                                + "\"Resource\":\"*\",\"Condition\":{\"StringEqualz\":{\"a\":\"b\"}}}]}")), null,
                        null)));
        assertTrue(operator.getMessage().contains("unknown condition operator \"StringEqualz\""),
                operator.getMessage());
    }
}
