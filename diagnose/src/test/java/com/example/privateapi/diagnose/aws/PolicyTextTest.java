package com.example.privateapi.diagnose.aws;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class PolicyTextTest {

    private static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":\"*\",\"Action\":\"execute-api:Invoke\",\"Resource\":"
            + "\"arn:aws:execute-api:us-east-1:222222222222:abc123defg/Prod/GET/*\","
            + "\"Condition\":{\"IpAddress\":{\"aws:VpcSourceIp\":\"10.0.0.0/16\"}}}]}";

    /**
     * IAM API Reference, "GetRole" and "GetRolePolicy": "Policies returned by this operation are URL-encoded
     * compliant with RFC 3986" (the Java SDK leaves them so; moto encodes them the same way).
     */
    @Test
    void iamDocumentsAreUrlDecoded() {
        String encoded = "%7B%22Version%22%3A%20%222012-10-17%22%2C%20%22Statement%22%3A%20%5B%7B%22Effect%22%3A%20"
                + "%22Allow%22%2C%20%22Principal%22%3A%20%7B%22AWS%22%3A%20%22arn%3Aaws%3Aiam%3A%3A111111111111%3A"
                + "root%22%7D%2C%20%22Action%22%3A%20%22sts%3AAssumeRole%22%7D%5D%7D";
        String decoded = PolicyText.iam(encoded);
        assertEquals("arn:aws:iam::111111111111:root", JsonParser.parseString(decoded).getAsJsonObject()
                .getAsJsonArray("Statement").get(0).getAsJsonObject().getAsJsonObject("Principal").get("AWS")
                .getAsString());
        assertEquals(POLICY, PolicyText.iam(POLICY), "a plain document is left as it is");
        assertNull(PolicyText.iam(null));
    }

    /**
     * GetRestApi returns the policy as a JSON string whose quotes and slashes are escaped once more, as the aws CLI
     * shows it ({@code "policy": "{\\"Version\\":...}"}); API Gateway developer guide, "Create and attach an API
     * Gateway resource policy to an API", passes it in the same escaped form.
     */
    @Test
    void apiGatewayPoliciesAreUnescaped() {
        String asReturned = POLICY.replace("\"", "\\\"").replace("/", "\\/");
        assertEquals(POLICY, PolicyText.apiGateway(asReturned));
        assertEquals(POLICY, PolicyText.apiGateway(POLICY), "a plain policy is left as it is");
        assertNull(PolicyText.apiGateway(""));
        assertNull(PolicyText.apiGateway(null));
    }
}
