package com.example.privateapi.iam;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Parses IAM policy JSON into statements, naming the policy and element of anything invalid. */
final class PolicyParser {

    private static final Set<String> KNOWN = Set.of("Sid", "Effect", "Principal", "NotPrincipal", "Action",
            "NotAction", "Resource", "NotResource", "Condition");

    private PolicyParser() {
    }

    static List<Statement> parse(NamedPolicy policy) {
        JsonElement root;
        try {
            root = JsonParser.parseString(policy.document());
        } catch (JsonParseException e) {
            throw new PolicyException("policy \"" + policy.name() + "\" is not valid JSON: " + e.getMessage());
        }
        if (root == null || !root.isJsonObject()) {
            throw new PolicyException("policy \"" + policy.name() + "\" must be a JSON object");
        }
        JsonElement statements = root.getAsJsonObject().get("Statement");
        if (statements == null || statements.isJsonNull()) {
            throw new PolicyException("policy \"" + policy.name() + "\" has no Statement");
        }
        List<JsonElement> list = new ArrayList<>();
        if (statements.isJsonArray()) {
            statements.getAsJsonArray().forEach(list::add);
        } else {
            list.add(statements);
        }
        List<Statement> parsed = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            parsed.add(statement(policy.name(), i, list.get(i)));
        }
        return parsed;
    }

    private static Statement statement(String policy, int index, JsonElement element) {
        String where = "policy \"" + policy + "\" statement #" + index;
        if (!element.isJsonObject()) {
            throw new PolicyException(where + " must be a JSON object");
        }
        JsonObject s = element.getAsJsonObject();
        for (String key : s.keySet()) {
            if (!KNOWN.contains(key)) {
                throw new PolicyException(where + ": unknown element \"" + key + "\"");
            }
        }
        String effect = s.has("Effect") && s.get("Effect").isJsonPrimitive() ? s.get("Effect").getAsString() : null;
        if (!"Allow".equals(effect) && !"Deny".equals(effect)) {
            throw new PolicyException(where + ": Effect must be \"Allow\" or \"Deny\", got "
                    + (effect == null ? "nothing" : "\"" + effect + "\""));
        }
        if (s.has("Action") == s.has("NotAction")) {
            throw new PolicyException(where + ": needs exactly one of Action or NotAction");
        }
        if (s.has("Resource") && s.has("NotResource")) {
            throw new PolicyException(where + ": has both Resource and NotResource");
        }
        if (s.has("Principal") && s.has("NotPrincipal")) {
            throw new PolicyException(where + ": has both Principal and NotPrincipal");
        }
        String sid = s.has("Sid") ? s.get("Sid").getAsString() : null;
        boolean notPrincipal = s.has("NotPrincipal");
        JsonElement principal = s.get(notPrincipal ? "NotPrincipal" : "Principal");
        boolean notAction = s.has("NotAction");
        boolean notResource = s.has("NotResource");
        JsonElement resources = s.get(notResource ? "NotResource" : "Resource");
        return new Statement(index, sid, effect, principal == null ? null : principals(where, principal),
                notPrincipal, strings(where, notAction ? "NotAction" : "Action", s.get(notAction ? "NotAction" : "Action")),
                notAction, resources == null ? null : strings(where, notResource ? "NotResource" : "Resource", resources),
                notResource, conditions(where, s.get("Condition")));
    }

    private static Map<String, List<String>> principals(String where, JsonElement principal) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (principal.isJsonPrimitive()) {
            if (!principal.getAsString().equals("*")) {
                throw new PolicyException(where + ": Principal must be \"*\" or an object such as {\"AWS\": ...}, got "
                        + principal);
            }
            out.put("*", List.of("*"));
            return out;
        }
        if (!principal.isJsonObject()) {
            throw new PolicyException(where + ": Principal must be \"*\" or an object, got " + principal);
        }
        for (Map.Entry<String, JsonElement> e : principal.getAsJsonObject().entrySet()) {
            if (!Set.of("AWS", "Service", "Federated", "CanonicalUser").contains(e.getKey())) {
                throw new PolicyException(where + ": unknown principal type \"" + e.getKey()
                        + "\" (expected AWS, Service, Federated or CanonicalUser)");
            }
            out.put(e.getKey(), strings(where, "Principal." + e.getKey(), e.getValue()));
        }
        return out;
    }

    private static List<Statement.Condition> conditions(String where, JsonElement block) {
        List<Statement.Condition> out = new ArrayList<>();
        if (block == null || block.isJsonNull()) {
            return out;
        }
        if (!block.isJsonObject()) {
            throw new PolicyException(where + ": Condition must be an object");
        }
        for (Map.Entry<String, JsonElement> op : block.getAsJsonObject().entrySet()) {
            if (!Conditions.isKnownOperator(op.getKey())) {
                throw new PolicyException(where + ": unknown condition operator \"" + op.getKey() + "\"");
            }
            if (!op.getValue().isJsonObject()) {
                throw new PolicyException(where + ": Condition." + op.getKey() + " must be an object of keys");
            }
            for (Map.Entry<String, JsonElement> key : op.getValue().getAsJsonObject().entrySet()) {
                out.add(new Statement.Condition(op.getKey(), key.getKey(),
                        strings(where, "Condition." + op.getKey() + "." + key.getKey(), key.getValue())));
            }
        }
        return out;
    }

    private static List<String> strings(String where, String element, JsonElement value) {
        List<String> out = new ArrayList<>();
        if (value == null || value.isJsonNull()) {
            throw new PolicyException(where + ": " + element + " is empty");
        }
        if (value.isJsonArray()) {
            for (JsonElement v : value.getAsJsonArray()) {
                if (!v.isJsonPrimitive()) {
                    throw new PolicyException(where + ": " + element + " must hold strings, got " + v);
                }
                out.add(v.getAsString());
            }
        } else if (value.isJsonPrimitive()) {
            out.add(value.getAsString());
        } else {
            throw new PolicyException(where + ": " + element + " must be a string or an array of strings, got "
                    + value);
        }
        return out;
    }
}
