package com.example.privateapi.rehearsal.gateway;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

/** ARNs of API methods, and the {@code execute-api:/...} shorthand API Gateway accepts in resource policies. */
public final class ExecuteApiArn {

    private static final String SHORTHAND = "execute-api:/";

    private ExecuteApiArn() {
    }

    /** {@code arn:aws:execute-api:REGION:ACCOUNT:API/STAGE/METHOD/PATH} for a request path such as {@code /a/b}. */
    static String of(String region, String account, String apiId, String stage, String method, String path) {
        String resource = path.startsWith("/") ? path.substring(1) : path;
        return "arn:aws:execute-api:" + region + ":" + account + ":" + apiId + "/" + stage + "/" + method + "/"
                + resource;
    }

    /**
     * Rewrites every {@code execute-api:/rest} in a policy's Resource and NotResource into the full ARN, as API
     * Gateway does when the policy is attached to the API.
     */
    public static String expandShorthand(String policyJson, String region, String account, String apiId) {
        JsonElement policy = JsonParser.parseString(policyJson);
        if (!policy.isJsonObject()) {
            return policyJson;
        }
        JsonElement statements = policy.getAsJsonObject().get("Statement");
        if (statements == null) {
            return policyJson;
        }
        Iterable<JsonElement> list = statements.isJsonArray() ? statements.getAsJsonArray() : java.util.List.of(statements);
        String prefix = "arn:aws:execute-api:" + region + ":" + account + ":" + apiId + "/";
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
