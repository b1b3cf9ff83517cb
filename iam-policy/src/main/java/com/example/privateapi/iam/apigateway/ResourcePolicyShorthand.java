package com.example.privateapi.iam.apigateway;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code execute-api:/STAGE/METHOD/PATH} shorthand of API Gateway resource policies. API Gateway converts it to
 * the full ARN "by using the current Region, your AWS account ID, and the ID of the REST API that the resource
 * policy is associated with" when the policy is saved (API Gateway Developer Guide, "API Gateway resource policy
 * examples"); {@code execute-api:/*} stands for every stage, method and path of the API.
 */
public final class ResourcePolicyShorthand {

    public static final String PREFIX = "execute-api:/";

    private ResourcePolicyShorthand() {
    }

    /** Whether any Resource or NotResource of the policy uses the shorthand (false for text that is not JSON). */
    public static boolean isUsedIn(String policyJson) {
        JsonObject policy = policy(policyJson);
        if (policy == null) {
            return false;
        }
        for (JsonObject statement : statements(policy)) {
            for (String key : new String[] {"Resource", "NotResource"}) {
                JsonElement value = statement.get(key);
                if (value != null && uses(value)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Rewrites every shorthand Resource and NotResource into the full ARN of the API. Text that is not a JSON policy
     * comes back unchanged, for the policy parser to report.
     */
    public static String expand(String policyJson, String region, String account, String apiId) {
        return expand(policyJson, new ExecuteApiArn(ExecuteApiArn.partition(region), region, account, apiId, ""));
    }

    /** {@link #expand(String, String, String, String)} for the API of an execute-api ARN. */
    public static String expand(String policyJson, ExecuteApiArn api) {
        JsonObject policy = policy(policyJson);
        if (policy == null) {
            return policyJson;
        }
        for (JsonObject statement : statements(policy)) {
            for (String key : new String[] {"Resource", "NotResource"}) {
                JsonElement value = statement.get(key);
                if (value != null) {
                    statement.add(key, expand(value, api.apiPrefix()));
                }
            }
        }
        return policy.toString();
    }

    private static JsonObject policy(String json) {
        try {
            JsonElement root = JsonParser.parseString(json);
            return root != null && root.isJsonObject() ? root.getAsJsonObject() : null;
        } catch (JsonParseException e) {
            return null;
        }
    }

    private static List<JsonObject> statements(JsonObject policy) {
        JsonElement statements = policy.get("Statement");
        if (statements == null) {
            return List.of();
        }
        Iterable<JsonElement> list = statements.isJsonArray() ? statements.getAsJsonArray() : List.of(statements);
        List<JsonObject> out = new ArrayList<>();
        list.forEach(s -> {
            if (s.isJsonObject()) {
                out.add(s.getAsJsonObject());
            }
        });
        return out;
    }

    private static boolean uses(JsonElement value) {
        if (value.isJsonArray()) {
            for (JsonElement v : value.getAsJsonArray()) {
                if (uses(v)) {
                    return true;
                }
            }
            return false;
        }
        return value.isJsonPrimitive() && value.getAsString().startsWith(PREFIX);
    }

    private static JsonElement expand(JsonElement value, String prefix) {
        if (value.isJsonArray()) {
            JsonArray out = new JsonArray();
            value.getAsJsonArray().forEach(v -> out.add(expand(v, prefix)));
            return out;
        }
        if (value.isJsonPrimitive() && value.getAsString().startsWith(PREFIX)) {
            return new JsonPrimitive(prefix + value.getAsString().substring(PREFIX.length()));
        }
        return value;
    }
}
