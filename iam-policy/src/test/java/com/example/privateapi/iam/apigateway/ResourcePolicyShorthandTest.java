package com.example.privateapi.iam.apigateway;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code execute-api:/} shorthand, from the API Gateway Developer Guide, "API Gateway resource policy examples":
 * "you can specify the resource execute-api:/stage-name/GET/pets in a resource policy. API Gateway converts the
 * resource to arn:aws:execute-api:us-east-2:123456789012:aabbccddee/stage-name/GET/pets when you save the resource
 * policy ... by using the current Region, your AWS account ID, and the ID of the REST API".
 */
class ResourcePolicyShorthandTest {

    static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":["
            + "{\"Sid\":\"A\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"execute-api:Invoke\","
            + "\"Resource\":\"execute-api:/stage-name/GET/pets\"},"
            + "{\"Sid\":\"B\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"execute-api:Invoke\","
            + "\"NotResource\":[\"execute-api:/*\",\"arn:aws:execute-api:us-east-2:123456789012:other/*\"]}]}";

    @Test
    void theShorthandBecomesTheApisArnAsTheDocumentationShows() {
        String expanded = ResourcePolicyShorthand.expand(POLICY, "us-east-2", "123456789012", "aabbccddee");
        assertEquals(JsonParser.parseString("{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Sid\":\"A\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"execute-api:Invoke\","
                + "\"Resource\":\"arn:aws:execute-api:us-east-2:123456789012:aabbccddee/stage-name/GET/pets\"},"
                + "{\"Sid\":\"B\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"execute-api:Invoke\","
                + "\"NotResource\":[\"arn:aws:execute-api:us-east-2:123456789012:aabbccddee/*\","
                + "\"arn:aws:execute-api:us-east-2:123456789012:other/*\"]}]}"), JsonParser.parseString(expanded));
        assertTrue(ResourcePolicyShorthand.isUsedIn(POLICY));
        assertFalse(ResourcePolicyShorthand.isUsedIn(expanded));
    }

    @Test
    void theApiOfAMethodArnGivesTheSameExpansion() {
        ExecuteApiArn method = ExecuteApiArn.parse(
                "arn:aws:execute-api:us-east-2:123456789012:aabbccddee/stage-name/GET/pets").orElseThrow();
        assertEquals("aabbccddee", method.apiId());
        assertEquals("stage-name/GET/pets", method.rest());
        assertEquals(ResourcePolicyShorthand.expand(POLICY, "us-east-2", "123456789012", "aabbccddee"),
                ResourcePolicyShorthand.expand(POLICY, method));
    }

    @Test
    void methodArnsFollowTheRegionsPartition() {
        assertEquals("arn:aws:execute-api:us-east-1:123456789012:abc/Prod/GET/",
                ExecuteApiArn.of("us-east-1", "123456789012", "abc", "Prod", "GET", "/"));
        assertEquals("arn:aws-cn:execute-api:cn-north-1:123456789012:abc/Prod/POST/a/b",
                ExecuteApiArn.of("cn-north-1", "123456789012", "abc", "Prod", "POST", "/a/b"));
        assertTrue(ExecuteApiArn.parse("arn:aws:s3:::bucket").isEmpty());
    }

    @Test
    void textThatIsNotAPolicyComesBackUnchangedForTheParserToReport() {
        assertEquals("{not json", ResourcePolicyShorthand.expand("{not json", "us-east-1", "123456789012", "abc"));
        assertFalse(ResourcePolicyShorthand.isUsedIn("{not json"));
    }
}
