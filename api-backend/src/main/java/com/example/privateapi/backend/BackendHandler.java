package com.example.privateapi.backend;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The private API's backend: {@code GET /} records the request and answers the caller's identity;
 * {@code GET /requests/{requestId}} answers a recorded request. Never answers 200 for a request it did not record.
 */
public final class BackendHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    static final String RECORD_ROUTE = "/requests/{requestId}";

    private final RequestStore store;
    private final RequestRecords records;
    private final Gson gson;

    /** Lambda's constructor: configuration and the DynamoDB client are built once per execution environment. */
    public BackendHandler() {
        this(storeFor(BackendConfig.fromEnvironment(System.getenv())), Clock.systemUTC());
    }

    public BackendHandler(RequestStore store, Clock clock) {
        this.store = store;
        this.gson = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();
        this.records = new RequestRecords(clock, gson);
    }

    private static RequestStore storeFor(BackendConfig config) {
        DynamoDbClient dynamo = DynamoDbClient.builder()
                .region(Region.of(config.region()))
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(Duration.ofSeconds(3)))
                // Bounded, so an unreachable table becomes a 503 within seconds instead of a Lambda timeout.
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallAttemptTimeout(Duration.ofSeconds(3))
                        .apiCallTimeout(Duration.ofSeconds(8))
                        .build())
                .build();
        return new DynamoDbRequestStore(DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo).build(),
                config.tableName());
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        if (event == null || event.getRequestContext() == null || event.getRequestContext().getRequestId() == null) {
            return log(null, "-", json(400, message("Malformed event: a Lambda proxy event from API Gateway with "
                    + "requestContext.requestId is required")));
        }
        String requestId = event.getRequestContext().getRequestId();
        String route = event.getResource() == null ? event.getPath() : event.getResource();
        if (!"GET".equalsIgnoreCase(event.getHttpMethod())) {
            return log(requestId, route, json(404, message("No route for " + event.getHttpMethod() + " " + route)));
        }
        if ("/".equals(route)) {
            return log(requestId, route, recordAndAnswerIdentity(event, requestId));
        }
        if (RECORD_ROUTE.equals(route)) {
            return log(requestId, route, answerRecord(event, requestId));
        }
        return log(requestId, route, json(404, message("No route for GET " + route)));
    }

    private APIGatewayProxyResponseEvent recordAndAnswerIdentity(APIGatewayProxyRequestEvent event, String requestId) {
        try {
            store.put(records.of(event));
        } catch (SdkException e) {
            JsonObject body = message("Request " + requestId + " could not be recorded: " + e.getMessage());
            body.addProperty("requestId", requestId);
            return json(503, body);
        }
        JsonElement identity = gson.toJsonTree(event.getRequestContext().getIdentity());
        if (identity.isJsonObject()) {
            // The Java event type has no vpceId field; API Gateway's header carries the same value.
            String vpce = RequestRecords.header(event.getHeaders(), RequestRecords.VPCE_HEADER);
            if (vpce != null && !identity.getAsJsonObject().has("vpceId")) {
                identity.getAsJsonObject().addProperty("vpceId", vpce);
            }
        }
        return json(200, identity);
    }

    private APIGatewayProxyResponseEvent answerRecord(APIGatewayProxyRequestEvent event, String requestId) {
        String wanted = Optional.ofNullable(event.getPathParameters()).map(p -> p.get("requestId")).orElse(null);
        if (wanted == null || wanted.isBlank()) {
            return json(400, message("The path parameter requestId is required"));
        }
        Optional<RequestRecord> record;
        try {
            record = store.get(wanted);
        } catch (SdkException e) {
            JsonObject body = message("Request " + wanted + " could not be read: " + e.getMessage());
            body.addProperty("requestId", requestId);
            return json(503, body);
        }
        if (record.isEmpty()) {
            return json(404, message("No request with id " + wanted + " was recorded"));
        }
        JsonObject body = gson.toJsonTree(record.get()).getAsJsonObject();
        // Answer the stored context as JSON, not as a string of JSON.
        body.add("requestContext", JsonParser.parseString(record.get().getRequestContext()));
        return json(200, body);
    }

    private static JsonObject message(String text) {
        JsonObject body = new JsonObject();
        body.addProperty("message", text);
        return body;
    }

    private APIGatewayProxyResponseEvent json(int status, JsonElement body) {
        return new APIGatewayProxyResponseEvent().withStatusCode(status)
                .withHeaders(Map.of("Content-Type", "application/json"))
                .withBody(gson.toJson(body));
    }

    private APIGatewayProxyResponseEvent log(String requestId, String route, APIGatewayProxyResponseEvent response) {
        JsonObject line = new JsonObject();
        line.addProperty("requestId", requestId);
        line.addProperty("route", route);
        line.addProperty("status", response.getStatusCode());
        System.out.println(gson.toJson(line));
        return response;
    }
}
