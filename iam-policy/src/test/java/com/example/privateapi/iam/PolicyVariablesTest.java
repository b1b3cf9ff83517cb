package com.example.privateapi.iam;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Policy variables, from the IAM User Guide, "IAM policy elements: Variables and tags". "Where you can use policy
 * variables", "Resource element": "You can use a policy variable in the Resource element, but only in the resource
 * portion of the ARN. This portion of the ARN appears after the fifth colon (:). You can't use a variable to replace
 * parts of the ARN before the fifth colon, such as the service or account." "Introduction": without
 * {@code "Version": "2012-10-17"}, "variables like ${aws:username} are treated as literal strings". "Condition
 * element": variables work in string and ARN operators only.
 */
class PolicyVariablesTest {

    static final Principal ALICE = Fixtures.caller("user", "111111111111");

    static Decision decide(String version, String resource, String requested, Map<String, List<String>> context) {
        String policy = "{" + (version.isEmpty() ? "" : "\"Version\":\"" + version + "\",") + "\"Statement\":["
                + "{\"Effect\":\"Allow\",\"Action\":\"sqs:SendMessage\",\"Resource\":\"" + resource + "\"}]}";
        return new PolicyEvaluator().evaluate(new AuthorizationRequest(ALICE, "sqs:SendMessage", requested,
                "111111111111", context, List.of(new NamedPolicy("alice inline", policy)), null, null));
    }

    @ParameterizedTest(name = "Version {0}: {1} for {2} -> {3}")
    @CsvSource(delimiter = ';', value = {
        // In the resource part (after the fifth colon) the variable is replaced.
        "2012-10-17; arn:aws:sqs:us-east-2:111111111111:${aws:username}-queue; arn:aws:sqs:us-east-2:111111111111:alice-queue; Allow",
        "2012-10-17; arn:aws:sqs:us-east-2:*:${aws:username}-queue; arn:aws:sqs:us-east-2:111111111111:alice-queue; Allow",
        "2012-10-17; arn:aws:sqs:us-east-2:111111111111:${aws:username}-queue; arn:aws:sqs:us-east-2:111111111111:bob-queue; ImplicitDeny",
        "2012-10-17; arn:aws:sqs:us-east-2:111111111111:${aws:missing, 'alice'}-queue; arn:aws:sqs:us-east-2:111111111111:alice-queue; Allow",
        // Before the fifth colon (the account, the region) it is not replaced, so it matches nothing real.
        "2012-10-17; arn:aws:sqs:us-east-2:${aws:PrincipalAccount}:alice-queue; arn:aws:sqs:us-east-2:111111111111:alice-queue; ImplicitDeny",
        "2012-10-17; arn:aws:sqs:${aws:RequestedRegion}:111111111111:alice-queue; arn:aws:sqs:us-east-2:111111111111:alice-queue; ImplicitDeny",
        // A pattern with no resource part has nothing replaced.
        "2012-10-17; ${aws:username}; alice; ImplicitDeny",
        // Without Version 2012-10-17 variables are literal text.
        "; arn:aws:sqs:us-east-2:111111111111:${aws:username}-queue; arn:aws:sqs:us-east-2:111111111111:alice-queue; ImplicitDeny",
        "2008-10-17; arn:aws:sqs:us-east-2:111111111111:${aws:username}-queue; arn:aws:sqs:us-east-2:111111111111:alice-queue; ImplicitDeny",
        "2008-10-17; arn:aws:sqs:us-east-2:111111111111:${aws:username}-queue; arn:aws:sqs:us-east-2:111111111111:${aws:username}-queue; Allow",
    })
    void resourceVariables(String version, String resource, String requested, String expected) {
        Decision decision = decide(version == null ? "" : version, resource, requested,
                Map.of("aws:RequestedRegion", List.of("us-east-2")));
        assertEquals(expected, decision.outcome().label(), decision.reason());
    }

    @Test
    void theTraceSaysWhereAVariableIsNotReplaced() {
        Decision decision = decide("2012-10-17", "arn:aws:sqs:us-east-2:${aws:PrincipalAccount}:alice-queue",
                "arn:aws:sqs:us-east-2:111111111111:alice-queue", Map.of());
        String why = decision.policies().get(0).statements().get(0).why();
        assertTrue(why.endsWith("(a policy variable is replaced only in the resource part of an ARN, after its "
                + "fifth colon)"), why);
    }

    @Test
    void conditionVariablesNeedVersion2012() {
        String condition = "\"Condition\":{\"StringEquals\":{\"aws:PrincipalTag/team\":\"${aws:username}\"}}";
        Map<String, List<String>> context = Map.of("aws:PrincipalTag/team", List.of("alice"));
        for (String version : new String[] {"2012-10-17", "2008-10-17"}) {
            String policy = "{\"Version\":\"" + version + "\",\"Statement\":[{\"Effect\":\"Allow\","
                    + "\"Action\":\"sqs:SendMessage\",\"Resource\":\"*\"," + condition + "}]}";
            Decision decision = new PolicyEvaluator().evaluate(new AuthorizationRequest(ALICE, "sqs:SendMessage",
                    "arn:aws:sqs:us-east-2:111111111111:q", "111111111111", context,
                    List.of(new NamedPolicy("alice inline", policy)), null, null));
            assertEquals(version.equals("2012-10-17") ? Outcome.ALLOW : Outcome.IMPLICIT_DENY, decision.outcome(),
                    version + ": " + decision.reason());
        }
    }
}
