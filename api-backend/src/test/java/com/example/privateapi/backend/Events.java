package com.example.privateapi.backend;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;

import java.util.Map;

/** Proxy events shaped as API Gateway sends them for an IAM-authorized call through a VPC endpoint. */
final class Events {

    private Events() {
    }

    static APIGatewayProxyRequestEvent get(String resource, String path, String requestId,
                                           Map<String, String> pathParameters) {
        APIGatewayProxyRequestEvent.RequestIdentity identity = new APIGatewayProxyRequestEvent.RequestIdentity()
                .withAccountId("111111111111")
                .withCaller("AROAEXAMPLE:direct-client")
                .withUser("AROAEXAMPLE:direct-client")
                .withUserArn("arn:aws:sts::111111111111:assumed-role/DirectClientRole/direct-client")
                .withAccessKey("ASIAEXAMPLE")
                .withSourceIp("10.0.1.23")
                .withUserAgent("aws-sdk-java/2");
        APIGatewayProxyRequestEvent.ProxyRequestContext context = new APIGatewayProxyRequestEvent.ProxyRequestContext()
                .withRequestId(requestId)
                .withStage("Prod")
                .withAccountId("222222222222")
                .withApiId("abc123defg")
                .withResourcePath(resource)
                .withHttpMethod("GET")
                .withIdentity(identity);
        context.setRequestTimeEpoch(1_700_000_000_000L);
        return new APIGatewayProxyRequestEvent()
                .withResource(resource)
                .withPath(path)
                .withHttpMethod("GET")
                .withHeaders(Map.of("X-Amzn-Vpce-Id", "vpce-0123456789abcdef0", "Host", "abc123defg.execute-api"))
                .withPathParameters(pathParameters)
                .withRequestContext(context);
    }
}
