package com.example.privateapi.rehearsal.local;

import com.example.privateapi.iam.NamedPolicy;
import com.example.privateapi.rehearsal.gateway.Route;
import com.example.privateapi.rehearsal.template.Model;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A function's resource policy as Lambda builds it from its permissions ({@code AddPermission}, which
 * {@code AWS::Lambda::Permission} calls): one statement per permission, a service or an account as principal,
 * {@code SourceArn} as an {@code ArnLike} condition and {@code SourceAccount} as a {@code StringEquals} one
 * ("Viewing resource-based IAM policies in Lambda", Lambda Developer Guide).
 */
final class LambdaPermissions {

    private LambdaPermissions() {
    }

    /** The resource policy of each function that has permissions, by the function's unqualified ARN. */
    static Map<String, NamedPolicy> policies(List<Model.LambdaPermission> permissions) {
        Map<String, JsonArray> statements = new LinkedHashMap<>();
        for (Model.LambdaPermission permission : permissions) {
            String function = Route.unqualified(permission.functionArn());
            statements.computeIfAbsent(function, f -> new JsonArray()).add(statement(permission));
        }
        Map<String, NamedPolicy> policies = new LinkedHashMap<>();
        statements.forEach((function, list) -> {
            JsonObject policy = new JsonObject();
            policy.addProperty("Version", "2012-10-17");
            policy.add("Statement", list);
            policies.put(function, new NamedPolicy("resource policy of function "
                    + function.substring(function.lastIndexOf(':') + 1), policy.toString()));
        });
        return policies;
    }

    private static JsonObject statement(Model.LambdaPermission permission) {
        JsonObject statement = new JsonObject();
        statement.addProperty("Sid", permission.logicalId());
        statement.addProperty("Effect", "Allow");
        JsonObject principal = new JsonObject();
        String who = permission.principal();
        if (who.endsWith(".amazonaws.com")) {
            principal.addProperty("Service", who);
        } else {
            principal.addProperty("AWS", who.matches("\\d{12}") ? "arn:aws:iam::" + who + ":root" : who);
        }
        statement.add("Principal", principal);
        statement.addProperty("Action", permission.action());
        statement.addProperty("Resource", permission.functionArn());
        JsonObject condition = new JsonObject();
        if (permission.sourceArn() != null) {
            JsonObject arnLike = new JsonObject();
            arnLike.addProperty("AWS:SourceArn", permission.sourceArn());
            condition.add("ArnLike", arnLike);
        }
        if (permission.sourceAccount() != null) {
            JsonObject equals = new JsonObject();
            equals.addProperty("AWS:SourceAccount", permission.sourceAccount());
            condition.add("StringEquals", equals);
        }
        if (condition.size() > 0) {
            statement.add("Condition", condition);
        }
        return statement;
    }
}
