package com.example.privateapi.iam;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Policies are parsed and checked once, where they are attached: each malformed policy is refused with the policy,
 * the statement and the element named. The rules: "IAM JSON policy element reference" (Version, Statement, Effect,
 * Action/NotAction, Resource/NotResource: "Statements must include either a Resource or a NotResource element"),
 * "AWS JSON policy elements: Principal" ("You must use the Principal element in resource-based policies", "You cannot
 * use the Principal element in an identity-based policy"; an invalid principal is "Invalid principal in policy"),
 * "AWS JSON policy elements: NotPrincipal", and "IAM JSON policy elements: Condition operators".
 */
class PolicyValidationTest {

    static final String OK_STATEMENT = "\"Effect\":\"Allow\",\"Action\":\"execute-api:Invoke\","
            + "\"Resource\":\"*\"";

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "IDENTITY| {\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\"| is not valid JSON",
        "IDENTITY| [1]| must be a JSON object",
        "IDENTITY| {\"Version\":\"2012-10-17\"}| has no Statement",
        "IDENTITY| {\"Version\":\"2013-01-01\",\"Statement\":[]}| Version must be \"2012-10-17\" or \"2008-10-17\"",
        "IDENTITY| {\"Statement\":[{\"Effect\":\"Alow\",\"Action\":\"*\",\"Resource\":\"*\"}]}| statement #0: Effect must be \"Allow\" or \"Deny\", got \"Alow\"",
        "IDENTITY| {\"Statement\":[{\"Effect\":\"Allow\",\"Resource\":\"*\"}]}| statement #0: needs exactly one of Action or NotAction",
        "IDENTITY| {\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\"}]}| statement #0: an identity policy statement needs a Resource or NotResource",
        "IDENTITY| {\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"}]}| statement #0: an identity policy statement must not have a Principal",
        "IDENTITY| {\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"StringEqualz\":{\"a\":\"b\"}}}]}| statement #0: unknown condition operator \"StringEqualz\"",
        "IDENTITY| {\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"Principle\":\"*\"}]}| statement #0: unknown element \"Principle\"",
        "RESOURCE| {\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}| statement #0: a resource policy statement needs a Principal or NotPrincipal",
        "RESOURCE| {\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\"}]}| statement #0: a resource policy statement needs a Resource or NotResource",
        "RESOURCE| {\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"Nobody\"},\"Action\":\"*\",\"Resource\":\"*\"}]}| statement #0: Invalid principal in policy: \"AWS\":\"Nobody\"",
        "RESOURCE| {\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::111111111111:role/*\"},\"Action\":\"*\",\"Resource\":\"*\"}]}| statement #0: Invalid principal in policy",
        "RESOURCE| {\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Users\":\"x\"},\"Action\":\"*\",\"Resource\":\"*\"}]}| statement #0: unknown principal type \"Users\"",
        "RESOURCE| {\"Statement\":[{\"Effect\":\"Allow\",\"NotPrincipal\":{\"AWS\":\"111111111111\"},\"Action\":\"*\",\"Resource\":\"*\"}]}| statement #0: NotPrincipal must be used with \"Effect\": \"Deny\"",
        "ENDPOINT| {\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}| statement #0: an endpoint policy statement needs a Principal or NotPrincipal",
        "TRUST| {\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\"}]}| statement #0: a role trust policy statement needs a Principal",
        "TRUST| {\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"111111111111\"},\"Action\":\"sts:AssumeRole\",\"Resource\":\"*\"}]}| statement #0: a role trust policy statement must not have a Resource",
    })
    void malformedPoliciesAreRefusedNamingTheElement(PolicyKind kind, String document, String expected) {
        PolicyException e = assertThrows(PolicyException.class, () -> Policy.parse("the policy", document, kind));
        assertTrue(e.getMessage().startsWith("policy \"the policy\""), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void wellFormedPoliciesOfEachKindParse() {
        assertEquals(PolicyKind.IDENTITY, Policy.parse("id", "{\"Version\":\"2012-10-17\",\"Statement\":{"
                + OK_STATEMENT + "}}", PolicyKind.IDENTITY).kind());
        for (String principal : new String[] {"\"*\"", "{\"AWS\":\"111111111111\"}",
                "{\"AWS\":[\"arn:aws:iam::111111111111:root\",\"arn:aws:iam::111111111111:role/path/R\","
                        + "\"arn:aws:sts::111111111111:assumed-role/R/s\",\"arn:aws:iam::111111111111:user/u\","
                        + "\"arn:aws-cn:iam::111111111111:root\"]}",
                "{\"Service\":\"apigateway.amazonaws.com\"}"}) {
            Policy.parse("res", "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":" + principal + ","
                    + "\"Action\":\"execute-api:Invoke\",\"Resource\":\"*\"}]}", PolicyKind.RESOURCE);
            Policy.parse("trust", "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":" + principal + ","
                    + "\"Action\":\"sts:AssumeRole\"}]}", PolicyKind.TRUST);
        }
    }

    @Test
    void aRequestGivenAsJsonParsesItsResourcePolicyAsATrustPolicyForAssumeRole() {
        String withResource = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"111111111111\"},"
                + "\"Action\":\"sts:AssumeRole\",\"Resource\":\"*\"}]}";
        PolicyException e = assertThrows(PolicyException.class, () -> ParsedRequest.of(new AuthorizationRequest(
                Fixtures.caller("user", "111111111111"), "sts:AssumeRole", Fixtures.ROLE_TO_ASSUME,
                Fixtures.PROVIDER, java.util.Map.of(), java.util.List.of(), new NamedPolicy("trust", withResource),
                null)));
        assertTrue(e.getMessage().contains("a role trust policy statement must not have a Resource"), e.getMessage());
    }
}
