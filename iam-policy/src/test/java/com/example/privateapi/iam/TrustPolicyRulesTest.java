package com.example.privateapi.iam;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static com.example.privateapi.iam.Fixtures.CONSUMER;
import static com.example.privateapi.iam.Fixtures.PROVIDER;
import static com.example.privateapi.iam.Fixtures.ROLE_TO_ASSUME;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code sts:AssumeRole} against a role's trust policy. Expected values from the IAM User Guide, "How AWS
 * enforcement code logic evaluates requests to allow or deny access", step "Resource-based policies": "For most
 * resources, you only need an explicit allow for the principal in either an identity-based policy or a
 * resource-based policy to grant access. IAM role trust policies and KMS key policies are exceptions to this logic,
 * because they must explicitly allow access for principals." A trust policy naming the caller's account delegates to
 * the account ("AWS JSON policy elements: Principal", "AWS account principals"), so the caller's identity policy
 * must allow too; one naming the caller's role or session grants by itself within the account. Across accounts
 * both must allow ("Cross-account policy evaluation logic").
 */
class TrustPolicyRulesTest {

    @ParameterizedTest(name = "{0} of {1}; identity {2}; trust names {3} ({4}) -> {5}")
    @CsvSource(delimiter = ';', value = {
        // Same account: the trust policy must allow the caller itself; an identity-policy allow alone is not enough.
        "session; 222222222222; allow; 333333333333; Allow; ImplicitDeny",
        "user; 222222222222; allow; 333333333333; Allow; ImplicitDeny",
        "session; 222222222222; allow; 222222222222; Allow; Allow",
        "session; 222222222222; allow; arn:aws:iam::222222222222:root; Allow; Allow",
        "session; 222222222222; none; 222222222222; Allow; ImplicitDeny",
        "session; 222222222222; none; arn:aws:iam::222222222222:root; Allow; ImplicitDeny",
        "session; 222222222222; none; arn:aws:iam::222222222222:role/Client; Allow; Allow",
        "session; 222222222222; none; arn:aws:sts::222222222222:assumed-role/Client/s1; Allow; Allow",
        "user; 222222222222; none; arn:aws:iam::222222222222:user/alice; Allow; Allow",
        "session; 222222222222; none; *; Allow; Allow",
        "root; 222222222222; none; 222222222222; Allow; Allow",
        // Across accounts both the identity policy and the trust policy must allow.
        "session; 111111111111; allow; 111111111111; Allow; Allow",
        "session; 111111111111; none; 111111111111; Allow; ImplicitDeny",
        "session; 111111111111; none; arn:aws:iam::111111111111:role/Client; Allow; ImplicitDeny",
        "session; 111111111111; allow; arn:aws:iam::111111111111:role/Client; Allow; Allow",
        "session; 111111111111; allow; 333333333333; Allow; ImplicitDeny",
        "root; 111111111111; none; 111111111111; Allow; Allow",
        // An explicit deny in the trust policy wins.
        "session; 111111111111; allow; 111111111111; Deny; ExplicitDeny",
        "session; 222222222222; allow; arn:aws:iam::222222222222:role/Client; Deny; ExplicitDeny",
    })
    void assumeRole(String kind, String account, String identity, String trusted, String effect, String expected) {
        List<NamedPolicy> identities = identity.equals("allow")
                ? List.of(new NamedPolicy("caller inline", Fixtures.identity("Allow", "sts:AssumeRole",
                ROLE_TO_ASSUME)))
                : List.of();
        Decision decision = new PolicyEvaluator().evaluate(new AuthorizationRequest(Fixtures.caller(kind, account),
                "sts:AssumeRole", ROLE_TO_ASSUME, PROVIDER, Map.of(), identities,
                new NamedPolicy("trust policy of role ApiAccessRole", Fixtures.trust(effect, Fixtures.aws(trusted))),
                null));
        assertEquals(expected, decision.outcome().label(), decision.reason());
    }

    @Test
    void anIdentityAllowAloneIsRefusedWithTheTrustPolicyException() {
        Decision decision = new PolicyEvaluator().evaluate(new AuthorizationRequest(Fixtures.caller("session",
                PROVIDER), "sts:AssumeRole", ROLE_TO_ASSUME, PROVIDER, Map.of(),
                List.of(new NamedPolicy("Client inline MayAssume", Fixtures.identity("Allow", "sts:AssumeRole", "*"))),
                new NamedPolicy("trust policy of role ApiAccessRole", Fixtures.trust("Allow",
                        Fixtures.aws(CONSUMER))), null));
        assertEquals(Outcome.IMPLICIT_DENY, decision.outcome());
        assertEquals("Same-account request: \"Client inline MayAssume\" statement \"Id\" allows sts:AssumeRole on "
                + ROLE_TO_ASSUME + ", but a role's trust policy must allow the caller explicitly, even within one "
                + "account, and no statement of \"trust policy of role ApiAccessRole\" does; \"trust policy of role "
                + "ApiAccessRole\" statement \"Trust\" did not apply: Principal {AWS=[" + CONSUMER + "]} does not "
                + "name arn:aws:sts::" + PROVIDER + ":assumed-role/Client/s1", decision.reason());
    }

    @Test
    void theProvidersOwnAccountInTheTrustPolicyDelegatesToItsIdentityPolicies() {
        // What pTrustedPrincipals=Nobody leaves in the API access role's trust policy.
        Decision decision = new PolicyEvaluator().evaluate(new AuthorizationRequest(Fixtures.caller("session",
                PROVIDER), "sts:AssumeRole", ROLE_TO_ASSUME, PROVIDER, Map.of(), List.of(),
                new NamedPolicy("trust policy of role ApiAccessRole", Fixtures.trust("Allow",
                        Fixtures.aws("arn:aws:iam::" + PROVIDER + ":root"))), null));
        assertEquals(Outcome.IMPLICIT_DENY, decision.outcome());
        assertEquals("Same-account request: \"trust policy of role ApiAccessRole\" statement \"Trust\" names the "
                + "account " + PROVIDER + ", which delegates to the account: the caller's identity policies must "
                + "allow too, and none does", decision.reason());
    }

    @Test
    void aServiceIsAllowedOnlyByATrustPolicyNamingIt() {
        String trust = Fixtures.trust("Allow", "{\"Service\":\"lambda.amazonaws.com\"}");
        assertEquals(Outcome.ALLOW, new PolicyEvaluator().evaluate(new AuthorizationRequest(
                Principal.service("lambda.amazonaws.com"), "sts:AssumeRole", ROLE_TO_ASSUME, PROVIDER, Map.of(),
                List.of(), new NamedPolicy("trust", trust), null)).outcome());
        assertEquals(Outcome.IMPLICIT_DENY, new PolicyEvaluator().evaluate(new AuthorizationRequest(
                Principal.service("ec2.amazonaws.com"), "sts:AssumeRole", ROLE_TO_ASSUME, PROVIDER, Map.of(),
                List.of(), new NamedPolicy("trust", trust), null)).outcome());
    }

    @Test
    void theTrustRuleHoldsForAPolicyParsedOnceAsATrustPolicy() {
        Policy trust = Policy.parse("trust policy of role ApiAccessRole", Fixtures.trust("Allow",
                Fixtures.aws(PROVIDER)), PolicyKind.TRUST);
        Policy mayAssume = Policy.parse("inline", Fixtures.identity("Allow", "sts:AssumeRole", "*"),
                PolicyKind.IDENTITY);
        PolicyEvaluator evaluator = new PolicyEvaluator();
        ParsedRequest request = new ParsedRequest(Fixtures.caller("session", PROVIDER), "sts:AssumeRole",
                ROLE_TO_ASSUME, PROVIDER, Map.of(), List.of(mayAssume), trust, null);
        assertEquals(Outcome.ALLOW, evaluator.evaluate(request).outcome());
        assertEquals(Outcome.IMPLICIT_DENY, evaluator.evaluate(new ParsedRequest(request.principal(),
                request.action(), request.resource(), PROVIDER, Map.of(), List.of(), trust, null)).outcome());
    }
}
