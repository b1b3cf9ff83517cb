package com.example.privateapi.backend;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.google.gson.Gson;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** Turns a proxy event into the record kept of it. */
final class RequestRecords {

    /** How long a record is kept: DynamoDB's TTL removes it after this. */
    static final Duration RETENTION = Duration.ofDays(90);
    /** API Gateway adds this header to requests that arrive through an interface VPC endpoint. */
    static final String VPCE_HEADER = "x-amzn-vpce-id";

    private final Clock clock;
    private final Gson gson;

    RequestRecords(Clock clock, Gson gson) {
        this.clock = clock;
        this.gson = gson;
    }

    RequestRecord of(APIGatewayProxyRequestEvent event) {
        APIGatewayProxyRequestEvent.ProxyRequestContext context = event.getRequestContext();
        APIGatewayProxyRequestEvent.RequestIdentity identity = context.getIdentity();
        RequestRecord record = new RequestRecord();
        record.setId(context.getRequestId());
        if (identity != null) {
            record.setAccountId(identity.getAccountId());
            record.setCaller(identity.getCaller());
            record.setUser(identity.getUser());
            record.setUserArn(identity.getUserArn());
            record.setAccessKey(identity.getAccessKey());
            record.setSourceIp(identity.getSourceIp());
            record.setUserAgent(identity.getUserAgent());
        }
        record.setStage(context.getStage());
        record.setHttpMethod(event.getHttpMethod());
        record.setPath(event.getPath());
        record.setRequestTime(context.getRequestTimeEpoch() != null ? context.getRequestTimeEpoch() : clock.millis());
        record.setSourceVpce(header(event.getHeaders(), VPCE_HEADER));
        record.setRequestContext(gson.toJson(context));
        record.setExpiresAt(clock.instant().plus(RETENTION).getEpochSecond());
        return record;
    }

    /** Header names are case-insensitive; API Gateway passes them in the client's case. */
    static String header(Map<String, String> headers, String name) {
        if (headers == null) {
            return null;
        }
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }
}
