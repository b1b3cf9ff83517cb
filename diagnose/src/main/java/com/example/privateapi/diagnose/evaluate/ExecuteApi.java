package com.example.privateapi.diagnose.evaluate;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import java.util.List;

/** ARNs of API methods, and the {@code execute-api:/} shorthand of resource policies. */
public final class ExecuteApi {

    private static final String SHORTHAND = "execute-api:/";

    private ExecuteApi() {
    }

    /** The partition of a region: {@code aws}, {@code aws-cn} or {@code aws-us-gov}. */
    public static String partition(String region) {
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        return region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
    }

    /** The ARN API Gateway authorizes for {@code GET /} on a stage: {@code ...:API/STAGE/GET/}. */
    public static String getRootArn(String region, String account, String apiId, String stage) {
        return "arn:" + partition(region) + ":execute-api:" + region + ":" + account + ":" + apiId + "/" + stage
                + "/GET/";
    }

    /**
     * Rewrites {@code execute-api:/...} in Resource and NotResource into the API's full ARNs, as API Gateway does
     * when it stores a policy (a policy read back from AWS is already expanded; one set by other means may not be).
     */
    public static String expandShorthand(String policyJson, String region, String account, String apiId) {
        JsonElement policy;
        try {
            policy = JsonParser.parseString(policyJson);
        } catch (JsonParseException e) {
            return policyJson;
        }
        if (!policy.isJsonObject() || policy.getAsJsonObject().get("Statement") == null) {
            return policyJson;
        }
        JsonElement statements = policy.getAsJsonObject().get("Statement");
        Iterable<JsonElement> list = statements.isJsonArray() ? statements.getAsJsonArray() : List.of(statements);
        String prefix = "arn:" + partition(region) + ":execute-api:" + region + ":" + account + ":" + apiId + "/";
        for (JsonElement statement : list) {
            if (!statement.isJsonObject()) {
                continue;
            }
            JsonObject s = statement.getAsJsonObject();
            for (String key : new String[] {"Resource", "NotResource"}) {
                JsonElement value = s.get(key);
                if (value != null) {
                    s.add(key, expand(value, prefix));
                }
            }
        }
        return policy.toString();
    }

    private static JsonElement expand(JsonElement value, String prefix) {
        if (value.isJsonArray()) {
            JsonArray out = new JsonArray();
            value.getAsJsonArray().forEach(v -> out.add(expand(v, prefix)));
            return out;
        }
        if (value.isJsonPrimitive() && value.getAsString().startsWith(SHORTHAND)) {
            return new JsonPrimitive(prefix + value.getAsString().substring(SHORTHAND.length()));
        }
        return value;
    }
}
