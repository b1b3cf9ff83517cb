package com.example.privateapi.iam;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static com.example.privateapi.iam.Fixtures.CONSUMER;
import static com.example.privateapi.iam.Fixtures.PROVIDER;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * How the Principal element of an API resource policy names a caller. IAM User Guide, "AWS JSON policy elements:
 * Principal", "AWS account principals": an account id or {@code arn:aws:iam::ACCOUNT:root} "delegates authority to
 * the account ... an administrator in that account must then grant access to an identity", and "using the account ARN
 * ... does not limit permissions to only the root user". "How AWS enforcement code logic evaluates requests", step
 * "Resource-based policies": a resource policy naming an IAM user or a role session directly is not limited by an
 * implicit deny in its identity policies within one account; a role ARN names the role's sessions. API Gateway
 * Developer Guide, "How API Gateway resource policies affect authorization workflow", Tables A and B: within the
 * API's account either the IAM policy or the resource policy allowing is enough; across accounts both must.
 */
class PrincipalElementRulesTest {

    static final String API = "arn:aws:execute-api:us-east-1:222222222222:abc123defg/Prod/GET/";

    static String resourcePolicy(String who) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"AllowClients\",\"Effect\":\"Allow\","
                + "\"Principal\":" + who + ",\"Action\":\"execute-api:Invoke\",\"Resource\":\"" + API + "\"}]}";
    }

    @ParameterizedTest(name = "{0} of {1}; identity {2}; resource policy names {3} -> {4}")
    @CsvSource(delimiter = ';', value = {
        // Same account: an account principal is a delegation, not a grant.
        "session; 222222222222; none; 222222222222; ImplicitDeny",
        "session; 222222222222; none; arn:aws:iam::222222222222:root; ImplicitDeny",
        "user; 222222222222; none; 222222222222; ImplicitDeny",
        "session; 222222222222; allow; 222222222222; Allow",
        // Same account: the caller named by its role, its session or as a user grants by itself (Table A).
        "session; 222222222222; none; arn:aws:iam::222222222222:role/Client; Allow",
        "session; 222222222222; none; arn:aws:sts::222222222222:assumed-role/Client/s1; Allow",
        "session; 222222222222; none; arn:aws:sts::222222222222:assumed-role/Client/other; ImplicitDeny",
        "user; 222222222222; none; arn:aws:iam::222222222222:user/alice; Allow",
        "session; 222222222222; none; *; Allow",
        // The account's root user holds every permission in its account: naming its account is enough for it.
        "root; 222222222222; none; 222222222222; Allow",
        "root; 111111111111; none; 111111111111; Allow",
        "root; 111111111111; none; 333333333333; ImplicitDeny",
        // Across accounts both must allow, whichever way the caller is named (Table B).
        "session; 111111111111; none; 111111111111; ImplicitDeny",
        "session; 111111111111; allow; 111111111111; Allow",
        "session; 111111111111; none; arn:aws:iam::111111111111:role/Client; ImplicitDeny",
        "session; 111111111111; allow; arn:aws:iam::111111111111:role/Client; Allow",
        "session; 111111111111; allow; arn:aws:iam::333333333333:root; ImplicitDeny",
        // A unique id names the principal it was issued to.
        "session; 222222222222; none; AROACLIENTROLE0000001; Allow",
        "user; 222222222222; none; AIDAALICEUSER00000001; Allow",
    })
    void resourcePolicyPrincipal(String kind, String account, String identity, String named, String expected) {
        List<NamedPolicy> identities = identity.equals("allow")
                ? List.of(new NamedPolicy("caller inline", Fixtures.identity("Allow", "execute-api:Invoke", "*")))
                : List.of();
        Decision decision = new PolicyEvaluator().evaluate(new AuthorizationRequest(Fixtures.caller(kind, account),
                "execute-api:Invoke", API, PROVIDER, Map.of(), identities,
                new NamedPolicy("resource policy of API abc123defg", resourcePolicy(Fixtures.aws(named))), null));
        assertEquals(expected, decision.outcome().label(), decision.reason());
    }

    @Test
    void theExplanationSaysTheAccountPrincipalDelegates() {
        Decision decision = new PolicyEvaluator().evaluate(new AuthorizationRequest(Fixtures.caller("session",
                CONSUMER), "execute-api:Invoke", API, PROVIDER, Map.of(), List.of(),
                new NamedPolicy("resource policy of API abc123defg", resourcePolicy(Fixtures.aws(CONSUMER))), null));
        assertEquals("Cross-account request: \"resource policy of API abc123defg\" statement \"AllowClients\" names "
                + "the account 111111111111, which delegates to the account: the caller's identity policies must "
                + "allow too, and none does", decision.reason());

        Decision same = new PolicyEvaluator().evaluate(new AuthorizationRequest(Fixtures.caller("session",
                PROVIDER), "execute-api:Invoke", API, PROVIDER, Map.of(), List.of(),
                new NamedPolicy("resource policy of API abc123defg", resourcePolicy(Fixtures.aws(
                        "arn:aws:iam::" + PROVIDER + ":root"))), null));
        assertEquals("Same-account request: \"resource policy of API abc123defg\" statement \"AllowClients\" names "
                + "the account 222222222222, which delegates to the account: the caller's identity policies must "
                + "allow too, and none does", same.reason());
    }

    @Test
    void aDenyNamingTheAccountDeniesEveryPrincipalOfIt() {
        String deny = resourcePolicy(Fixtures.aws(CONSUMER)).replace("\"Allow\"", "\"Deny\"");
        Decision decision = new PolicyEvaluator().evaluate(new AuthorizationRequest(Fixtures.caller("session",
                CONSUMER), "execute-api:Invoke", API, PROVIDER, Map.of(),
                List.of(new NamedPolicy("caller inline", Fixtures.identity("Allow", "execute-api:Invoke", "*"))),
                new NamedPolicy("resource policy", deny), null));
        assertEquals(Outcome.EXPLICIT_DENY, decision.outcome());
    }
}
