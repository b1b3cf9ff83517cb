package com.example.privateapi.iam;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static com.example.privateapi.iam.Fixtures.PROVIDER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * NotPrincipal, from the IAM User Guide, "AWS JSON policy elements: NotPrincipal". "NotPrincipal must be used with
 * "Effect":"Deny". Using it with "Effect":"Allow" is not supported." "You cannot use the NotPrincipal element in an
 * IAM identity-based policy nor in an IAM role trust policy." With Deny, "AWS might validate the account first, then
 * the role, and then the assumed-role user", so a role session escapes the Deny only when NotPrincipal names the
 * session's ARN, the role's ARN and the account (the page's "IAM role in the same or different account" example),
 * and a user only when it names the user and the account.
 */
class NotPrincipalRulesTest {

    static final String API = "arn:aws:execute-api:us-east-1:222222222222:abc123defg/Prod/GET/";
    static final String ALLOW_ALL = "{\"Sid\":\"AllowAll\",\"Effect\":\"Allow\",\"Principal\":\"*\","
            + "\"Action\":\"execute-api:Invoke\",\"Resource\":\"" + API + "\"}";

    static String denyAllBut(String names) {
        StringBuilder list = new StringBuilder();
        for (String name : names.split("\\|")) {
            list.append(list.length() == 0 ? "" : ",").append('"').append(name).append('"');
        }
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + ALLOW_ALL + ",{\"Sid\":\"DenyOthers\","
                + "\"Effect\":\"Deny\",\"NotPrincipal\":{\"AWS\":[" + list + "]},\"Action\":\"execute-api:Invoke\","
                + "\"Resource\":\"" + API + "\"}]}";
    }

    @ParameterizedTest(name = "{0}; NotPrincipal names {1} -> {2}")
    @CsvSource(delimiter = ';', value = {
        // A role session: session, role and account must all be named.
        "session; arn:aws:iam::111111111111:role/Client; ExplicitDeny",
        "session; arn:aws:iam::111111111111:role/Client|111111111111; ExplicitDeny",
        "session; arn:aws:sts::111111111111:assumed-role/Client/s1; ExplicitDeny",
        "session; arn:aws:sts::111111111111:assumed-role/Client/s1|arn:aws:iam::111111111111:role/Client; ExplicitDeny",
        "session; arn:aws:sts::111111111111:assumed-role/Client/s1|arn:aws:iam::111111111111:role/Client|111111111111; Allow",
        "session; arn:aws:sts::111111111111:assumed-role/Client/s1|arn:aws:iam::111111111111:role/Client|arn:aws:iam::111111111111:root; Allow",
        "session; arn:aws:sts::111111111111:assumed-role/Client/other|arn:aws:iam::111111111111:role/Client|111111111111; ExplicitDeny",
        // A user: the user and its account.
        "user; arn:aws:iam::111111111111:user/alice; ExplicitDeny",
        "user; arn:aws:iam::111111111111:user/alice|arn:aws:iam::111111111111:root; Allow",
        "user; 111111111111; ExplicitDeny",
        // The root user is its account.
        "root; 111111111111; Allow",
        "root; 333333333333; ExplicitDeny",
        // Nobody names an anonymous caller.
        "anonymous; 111111111111; ExplicitDeny",
    })
    void denyWithNotPrincipal(String kind, String names, String expected) {
        List<NamedPolicy> identities = kind.equals("anonymous") ? List.of() : List.of(new NamedPolicy("caller inline",
                Fixtures.identity("Allow", "execute-api:Invoke", "*")));
        Decision decision = new PolicyEvaluator().evaluate(new AuthorizationRequest(Fixtures.caller(kind,
                Fixtures.CONSUMER), "execute-api:Invoke", API, PROVIDER, Map.of(), identities,
                new NamedPolicy("resource policy", denyAllBut(names)), null));
        assertEquals(expected, decision.outcome().label(), decision.reason());
    }

    @Test
    void theExplanationSaysWhyARoleArnAloneDoesNotExcludeItsSessions() {
        Decision decision = new PolicyEvaluator().evaluate(new AuthorizationRequest(Fixtures.caller("session",
                Fixtures.CONSUMER), "execute-api:Invoke", API, PROVIDER, Map.of(), List.of(),
                new NamedPolicy("resource policy", denyAllBut("arn:aws:iam::111111111111:role/Client")), null));
        assertTrue(decision.reason().startsWith("Explicit deny by \"resource policy\" statement \"DenyOthers\": "
                + "NotPrincipal {AWS=[arn:aws:iam::111111111111:role/Client]} does not exclude "
                + "arn:aws:sts::111111111111:assumed-role/Client/s1 (it names the role or the account, but a role "
                + "session is left out of a Deny only when NotPrincipal names the session's ARN, the role's ARN and "
                + "the account)"), decision.reason());
    }

    @Test
    void notPrincipalWithAllowIsRefusedAsUnsupported() {
        String allow = denyAllBut("111111111111").replace("\"Effect\":\"Deny\"", "\"Effect\":\"Allow\"");
        PolicyException e = assertThrows(PolicyException.class,
                () -> Policy.parse("resource policy", allow, PolicyKind.RESOURCE));
        assertEquals("policy \"resource policy\" statement #1: NotPrincipal must be used with \"Effect\": \"Deny\"; "
                + "using it with \"Allow\" is not supported", e.getMessage());
    }

    @Test
    void notPrincipalIsRefusedInATrustPolicy() {
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"NotPrincipal\":"
                + "{\"AWS\":\"111111111111\"},\"Action\":\"sts:AssumeRole\"}]}";
        PolicyException e = assertThrows(PolicyException.class,
                () -> Policy.parse("trust policy of role R", trust, PolicyKind.TRUST));
        assertEquals("policy \"trust policy of role R\" statement #0: NotPrincipal cannot be used in a role trust "
                + "policy", e.getMessage());
    }
}
