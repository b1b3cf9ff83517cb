package com.example.privateapi.backend;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import org.crac.Core;
import org.crac.Resource;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * The private API's backend: {@code GET /} records the request and answers the caller's identity;
 * {@code GET /requests/{requestId}} answers a recorded request. Never answers 200 for a request it did not record.
 *
 * <p>It reads and writes the proxy event's JSON itself with Gson (a stream handler): the runtime's own event
 * serialization would load a JSON library of its own at every cold start. With SnapStart, {@link #beforeCheckpoint}
 * does the work of a first request without the network and {@link #afterRestore} gives each restored environment
 * its own credentials provider.
 */
public final class BackendHandler implements RequestStreamHandler, Resource {

    static final String RECORD_ROUTE = "/requests/{requestId}";
    /** DynamoDB's limit on a partition key ("Service, account, and table quotas in Amazon DynamoDB"). */
    static final int MAX_KEY_BYTES = 2048;
    /** What priming handles instead of a request: {@code GET /} as API Gateway sends it. */
    static final String PRIMING_EVENT = "{\"resource\":\"/\",\"path\":\"/\",\"httpMethod\":\"GET\","
            + "\"headers\":{\"X-Amzn-Vpce-Id\":\"vpce-0priming000000000\"},\"requestContext\":{\"requestId\":"
            + "\"priming-only\",\"stage\":\"priming\",\"requestTimeEpoch\":0,\"identity\":{\"sourceIp\":"
            + "\"127.0.0.1\",\"caller\":\"priming\",\"userArn\":\"priming\",\"accountId\":\"000000000000\"}}}";

    private final RequestStore store;
    private final RequestRecords records;
    private final Gson gson;
    private final Gson events = new Gson();
    private final RenewableCredentials credentials;
    private final JvmTls tls;
    private final boolean priming;
    private final String dynamoHost;

    /** Lambda's constructor: configuration and the DynamoDB client are built once per execution environment. */
    public BackendHandler() {
        this(BackendConfig.fromEnvironment(System.getenv()), JvmTls.load(),
                new RenewableCredentials(() -> LambdaCredentials.fromEnvironment(System.getenv())));
        Core.getGlobalContext().register(this);
    }

    private BackendHandler(BackendConfig config, JvmTls tls, RenewableCredentials credentials) {
        this(DynamoDbRequestStore.forFunction(config, credentials, tls), Clock.systemUTC(), credentials, tls,
                config.priming(), "dynamodb." + config.region() + ".amazonaws.com");
    }

    public BackendHandler(RequestStore store, Clock clock) {
        this(store, clock, null, null, false, null);
    }

    BackendHandler(RequestStore store, Clock clock, RenewableCredentials credentials, JvmTls tls,
                   boolean priming, String dynamoHost) {
        this.store = store;
        this.gson = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();
        this.records = new RequestRecords(clock, gson);
        this.credentials = credentials;
        this.tls = tls;
        this.priming = priming;
        this.dynamoHost = dynamoHost;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        APIGatewayProxyRequestEvent event;
        try {
            event = events.fromJson(new InputStreamReader(input, StandardCharsets.UTF_8),
                    APIGatewayProxyRequestEvent.class);
        } catch (JsonParseException e) {
            event = null;
        }
        write(handle(event), output);
    }

    private void write(APIGatewayProxyResponseEvent response, OutputStream output) throws IOException {
        Writer writer = new OutputStreamWriter(output, StandardCharsets.UTF_8);
        events.toJson(response, writer);
        writer.flush();
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) throws IOException {
        if (!priming) {
            return;
        }
        APIGatewayProxyRequestEvent event = events.fromJson(PRIMING_EVENT, APIGatewayProxyRequestEvent.class);
        store.prime(records.of(event));
        write(identityAnswer(event), OutputStream.nullOutputStream());
        write(json(404, message("priming")), OutputStream.nullOutputStream());
        if (tls != null) {
            TlsPriming.prime(tls.trust(), dynamoHost);
        }
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        if (credentials != null) {
            credentials.renewAndFetch();
        }
    }

    /** Answers one proxy event; a missing or malformed one is a 400, never an exception. */
    public APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event) {
        if (event == null || event.getRequestContext() == null || event.getRequestContext().getRequestId() == null) {
            return log(null, "-", json(400, message("Malformed event: a Lambda proxy event from API Gateway with "
                    + "requestContext.requestId is required")));
        }
        String requestId = event.getRequestContext().getRequestId();
        String route = event.getResource() == null ? event.getPath() : event.getResource();
        if (!"GET".equalsIgnoreCase(event.getHttpMethod())) {
            return log(requestId, route, json(404, message("No route for " + event.getHttpMethod() + " " + route)));
        }
        try {
            if ("/".equals(route)) {
                return log(requestId, route, recordAndAnswerIdentity(event, requestId));
            }
            if (RECORD_ROUTE.equals(route)) {
                return log(requestId, route, answerRecord(event, requestId));
            }
        } catch (StoreFailure failure) {
            return log(requestId, route, failure.response, failure.getCause());
        }
        return log(requestId, route, json(404, message("No route for GET " + route)));
    }

    /** The store failed: the answer for the caller, and the reason for the function log. */
    private static final class StoreFailure extends Exception {
        private final APIGatewayProxyResponseEvent response;

        StoreFailure(APIGatewayProxyResponseEvent response, RequestStoreException cause) {
            super(cause.getMessage(), cause, false, false);
            this.response = response;
        }
    }

    private APIGatewayProxyResponseEvent recordAndAnswerIdentity(APIGatewayProxyRequestEvent event, String requestId)
            throws StoreFailure {
        try {
            store.put(records.of(event));
        } catch (RequestStoreException e) {
            throw new StoreFailure(storeFailure(e, "Request " + requestId + " could not be recorded", requestId), e);
        }
        return identityAnswer(event);
    }

    private APIGatewayProxyResponseEvent identityAnswer(APIGatewayProxyRequestEvent event) {
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

    private APIGatewayProxyResponseEvent answerRecord(APIGatewayProxyRequestEvent event, String requestId)
            throws StoreFailure {
        String wanted = Optional.ofNullable(event.getPathParameters()).map(p -> p.get("requestId")).orElse(null);
        if (wanted == null || wanted.isBlank()) {
            return json(400, message("The path parameter requestId is required"));
        }
        int bytes = wanted.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_KEY_BYTES) {
            return json(400, message("The requestId is " + bytes + " bytes long; a recorded request's id is at most "
                    + MAX_KEY_BYTES + " bytes (API Gateway's request ids are 36 characters)"));
        }
        Optional<RequestRecord> record;
        try {
            record = store.get(wanted);
        } catch (RequestStoreException e) {
            if (e.kind() == RequestStoreException.Kind.REJECTED) {
                throw new StoreFailure(json(400, message("The requestId is not a valid request id")), e);
            }
            throw new StoreFailure(storeFailure(e, "Request " + shorten(wanted) + " could not be read", requestId),
                    e);
        }
        if (record.isEmpty()) {
            return json(404, message("No request with id " + wanted + " was recorded"));
        }
        JsonObject body = gson.toJsonTree(record.get()).getAsJsonObject();
        // Answer the stored context as JSON, not as a string of JSON.
        body.add("requestContext", JsonParser.parseString(record.get().getRequestContext()));
        return json(200, body);
    }

    /**
     * The caller's answer to a failed store call: 503 when trying again may help, 500 when the deployment is wrong.
     * Never the SDK's or DynamoDB's own words: those go to the function log.
     */
    private APIGatewayProxyResponseEvent storeFailure(RequestStoreException e, String what, String requestId) {
        JsonObject body = switch (e.kind()) {
            case UNAVAILABLE -> message(what + ": the request store is unavailable; try again");
            case REJECTED, MISCONFIGURED -> message(what + ": the backend's request store is misconfigured; the "
                    + "function log has the reason");
        };
        body.addProperty("requestId", requestId);
        return json(e.kind() == RequestStoreException.Kind.UNAVAILABLE ? 503 : 500, body);
    }

    private static String shorten(String id) {
        return id.length() <= 64 ? id : id.substring(0, 64) + "...";
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
        return log(requestId, route, response, null);
    }

    /** One JSON line per request in the function log; a store failure's reason goes here, not to the caller. */
    private APIGatewayProxyResponseEvent log(String requestId, String route, APIGatewayProxyResponseEvent response,
                                             Throwable failure) {
        JsonObject line = new JsonObject();
        line.addProperty("requestId", requestId);
        line.addProperty("route", route);
        line.addProperty("status", response.getStatusCode());
        if (failure instanceof RequestStoreException storeError) {
            line.addProperty("storeFailure", storeError.kind().name());
            line.addProperty("reason", storeError.getMessage());
        }
        System.out.println(gson.toJson(line));
        return response;
    }
}
