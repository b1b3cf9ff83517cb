package com.example.privateapi.iam;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/** A decision as JSON: the outcome, the reason, the deciding statements and every policy's trace. */
public final class DecisionJson {

    private DecisionJson() {
    }

    public static JsonObject of(Decision decision) {
        JsonObject json = new JsonObject();
        json.addProperty("decision", decision.outcome().label());
        json.addProperty("reason", decision.reason());
        JsonArray deciding = new JsonArray();
        decision.deciding().forEach(s -> deciding.add(statement(s)));
        json.add("decidingStatements", deciding);
        JsonArray policies = new JsonArray();
        for (PolicyTrace trace : decision.policies()) {
            JsonObject policy = new JsonObject();
            policy.addProperty("name", trace.policyName());
            policy.addProperty("kind", trace.kind());
            JsonArray statements = new JsonArray();
            trace.statements().forEach(s -> statements.add(statement(s)));
            policy.add("statements", statements);
            policies.add(policy);
        }
        json.add("policies", policies);
        return json;
    }

    private static JsonObject statement(StatementTrace s) {
        JsonObject json = new JsonObject();
        json.addProperty("policy", s.policyName());
        json.addProperty("index", s.index());
        json.addProperty("sid", s.sid());
        json.addProperty("effect", s.effect());
        json.addProperty("applies", s.applies());
        json.addProperty("why", s.why());
        return json;
    }
}
