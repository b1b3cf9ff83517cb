package com.example.privateapi.diagnose.evaluate;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExecuteApiTest {

    @Test
    void theGetRootArnIsInTheRegionsPartition() {
        assertEquals("arn:aws:execute-api:us-east-1:222222222222:abc/Prod/GET/",
                ExecuteApi.getRootArn("us-east-1", "222222222222", "abc", "Prod"));
        assertEquals("arn:aws-cn:execute-api:cn-north-1:222222222222:abc/Prod/GET/",
                ExecuteApi.getRootArn("cn-north-1", "222222222222", "abc", "Prod"));
        assertEquals("aws-us-gov", ExecuteApi.partition("us-gov-west-1"));
    }

    /**
     * API Gateway developer guide, "Create and attach an API Gateway resource policy to an API": execute-api:/ in
     * a resource policy stands for the API's own ARN prefix.
     */
    @Test
    void theShorthandIsExpandedInResourceAndNotResource() {
        String policy = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"execute-api:Invoke\","
                + "\"Resource\":[\"execute-api:/Prod/GET/*\",\"arn:aws:execute-api:us-east-1:1:other/*\"]},"
                + "{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"execute-api:Invoke\","
                + "\"NotResource\":\"execute-api:/*\"}]}";
        String expanded = ExecuteApi.expandShorthand(policy, "us-east-1", "222222222222", "abc");
        assertTrue(expanded.contains("\"arn:aws:execute-api:us-east-1:222222222222:abc/Prod/GET/*\""), expanded);
        assertTrue(expanded.contains("\"arn:aws:execute-api:us-east-1:1:other/*\""), expanded);
        assertTrue(expanded.contains("\"NotResource\":\"arn:aws:execute-api:us-east-1:222222222222:abc/*\""),
                expanded);
        assertEquals("not json", ExecuteApi.expandShorthand("not json", "us-east-1", "2", "abc"));
    }
}
