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
import java.util.regex.Pattern;

/**
 * Parses IAM policy JSON into statements and checks them against the rules of where the policy is attached, naming
 * the policy, the statement and the element of anything invalid.
 */
final class PolicyParser {

    record Parsed(boolean substitutesVariables, List<Statement> statements) {
    }

    private static final Set<String> TOP_LEVEL = Set.of("Version", "Id", "Statement");
    private static final Set<String> KNOWN = Set.of("Sid", "Effect", "Principal", "NotPrincipal", "Action",
            "NotAction", "Resource", "NotResource", "Condition");
    /** The forms an AWS principal may take (AWS JSON policy elements: Principal); no partial wildcards. */
    private static final Pattern AWS_PRINCIPAL = Pattern.compile("\\*|\\d{12}"
            + "|arn:aws(-cn|-us-gov)?:iam::\\d{12}:(root|user/[\\w+=,.@/-]+|role/[\\w+=,.@/-]+|federated-user/[\\w+=,.@-]+)"
            + "|arn:aws(-cn|-us-gov)?:sts::\\d{12}:(assumed-role/[\\w+=,.@-]+/[\\w+=,.@-]+|federated-user/[\\w+=,.@-]+)"
            + "|A(ROA|IDA)[A-Z0-9]{13,}");

    private PolicyParser() {
    }

    static Parsed parse(NamedPolicy policy, PolicyKind kind) {
        String name = "policy \"" + policy.name() + "\"";
        JsonElement root;
        try {
            root = JsonParser.parseString(policy.document());
        } catch (JsonParseException e) {
            throw new PolicyException(name + " is not valid JSON: " + e.getMessage());
        }
        if (root == null || !root.isJsonObject()) {
            throw new PolicyException(name + " must be a JSON object");
        }
        JsonObject document = root.getAsJsonObject();
        for (String key : document.keySet()) {
            if (!TOP_LEVEL.contains(key)) {
                throw new PolicyException(name + ": unknown element \"" + key + "\" (a policy holds Version, Id "
                        + "and Statement)");
            }
        }
        String version = document.has("Version") && document.get("Version").isJsonPrimitive()
                ? document.get("Version").getAsString() : null;
        if (document.has("Version") && !"2012-10-17".equals(version) && !"2008-10-17".equals(version)) {
            throw new PolicyException(name + ": Version must be \"2012-10-17\" or \"2008-10-17\", got "
                    + document.get("Version"));
        }
        JsonElement statements = document.get("Statement");
        if (statements == null || statements.isJsonNull()) {
            throw new PolicyException(name + " has no Statement");
        }
        List<JsonElement> list = new ArrayList<>();
        if (statements.isJsonArray()) {
            statements.getAsJsonArray().forEach(list::add);
        } else {
            list.add(statements);
        }
        if (list.isEmpty()) {
            throw new PolicyException(name + " has an empty Statement list");
        }
        List<Statement> parsed = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            parsed.add(statement(name + " statement #" + i, i, list.get(i), kind));
        }
        return new Parsed("2012-10-17".equals(version), parsed);
    }

    private static Statement statement(String where, int index, JsonElement element, PolicyKind kind) {
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
        checkPlacement(where, s, effect, kind);
        String sid = s.has("Sid") ? s.get("Sid").getAsString() : null;
        boolean notPrincipal = s.has("NotPrincipal");
        JsonElement principal = s.get(notPrincipal ? "NotPrincipal" : "Principal");
        boolean notAction = s.has("NotAction");
        boolean notResource = s.has("NotResource");
        JsonElement resources = s.get(notResource ? "NotResource" : "Resource");
        String principalElement = notPrincipal ? "NotPrincipal" : "Principal";
        return new Statement(index, sid, effect, principal == null ? null : principals(where, principalElement,
                principal), notPrincipal, strings(where, notAction ? "NotAction" : "Action",
                s.get(notAction ? "NotAction" : "Action")), notAction,
                resources == null ? null : strings(where, notResource ? "NotResource" : "Resource", resources),
                notResource, conditions(where, s.get("Condition")));
    }

    /** The elements each kind of policy requires or refuses. */
    private static void checkPlacement(String where, JsonObject s, String effect, PolicyKind kind) {
        boolean hasPrincipal = s.has("Principal") || s.has("NotPrincipal");
        boolean hasResource = s.has("Resource") || s.has("NotResource");
        if (s.has("NotPrincipal") && "Allow".equals(effect)) {
            // AWS JSON policy elements: NotPrincipal: "Using it with "Effect":"Allow" is not supported."
            throw new PolicyException(where + ": NotPrincipal must be used with \"Effect\": \"Deny\"; using it "
                    + "with \"Allow\" is not supported");
        }
        switch (kind) {
            case IDENTITY -> {
                if (hasPrincipal) {
                    throw new PolicyException(where + ": an identity policy statement must not have a Principal "
                            + "or NotPrincipal (the principal is the identity the policy is attached to)");
                }
                if (!hasResource) {
                    throw new PolicyException(where + ": an identity policy statement needs a Resource or "
                            + "NotResource");
                }
            }
            case TRUST -> {
                if (s.has("NotPrincipal")) {
                    throw new PolicyException(where + ": NotPrincipal cannot be used in a role trust policy");
                }
                if (!s.has("Principal")) {
                    throw new PolicyException(where + ": a role trust policy statement needs a Principal");
                }
                if (hasResource) {
                    // IAM's MalformedPolicyDocument answer: "Has prohibited field Resource".
                    throw new PolicyException(where + ": a role trust policy statement must not have a Resource "
                            + "(the role is the resource): Has prohibited field Resource");
                }
            }
            case RESOURCE, ENDPOINT -> {
                String a = kind == PolicyKind.ENDPOINT ? "an endpoint" : "a resource";
                if (!hasPrincipal) {
                    throw new PolicyException(where + ": " + a + " policy statement needs a Principal or "
                            + "NotPrincipal");
                }
                if (!hasResource) {
                    throw new PolicyException(where + ": " + a + " policy statement needs a Resource or "
                            + "NotResource");
                }
            }
            default -> throw new IllegalStateException("unknown policy kind " + kind);
        }
    }

    private static Map<String, List<String>> principals(String where, String element, JsonElement principal) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (principal.isJsonPrimitive()) {
            if (!principal.getAsString().equals("*")) {
                throw new PolicyException(where + ": " + element + " must be \"*\" or an object such as "
                        + "{\"AWS\": ...}, got " + principal);
            }
            out.put("*", List.of("*"));
            return out;
        }
        if (!principal.isJsonObject()) {
            throw new PolicyException(where + ": " + element + " must be \"*\" or an object, got " + principal);
        }
        for (Map.Entry<String, JsonElement> e : principal.getAsJsonObject().entrySet()) {
            if (!Set.of("AWS", "Service", "Federated", "CanonicalUser").contains(e.getKey())) {
                throw new PolicyException(where + ": unknown principal type \"" + e.getKey()
                        + "\" (expected AWS, Service, Federated or CanonicalUser)");
            }
            List<String> values = strings(where, element + "." + e.getKey(), e.getValue());
            if (e.getKey().equals("AWS")) {
                for (String value : values) {
                    if (!AWS_PRINCIPAL.matcher(value).matches()) {
                        // IAM's and CloudFormation's words for a principal that names nobody.
                        throw new PolicyException(where + ": Invalid principal in policy: \"AWS\":\"" + value
                                + "\" (expected \"*\", an account id, or the ARN of an account root, user, role "
                                + "or role session, without wildcards)");
                    }
                }
            }
            out.put(e.getKey(), values);
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
        if (out.isEmpty()) {
            throw new PolicyException(where + ": " + element + " is empty");
        }
        return out;
    }
}
