package com.example.privateapi.rehearsal.template;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates one stack's conditions and intrinsic functions ({@code Ref}, {@code Fn::If}, {@code Fn::Sub},
 * {@code Fn::Join}, {@code Fn::Split}, {@code Fn::Select}, {@code Fn::GetAtt}, the condition functions,
 * {@code Fn::FindInMap}, {@code Fn::Base64}, {@code Fn::GetAZs}, {@code Fn::Cidr}, {@code AWS::NoValue} and the
 * pseudo parameters), with physical ids that depend only on the stack name and logical ids, as a stack update
 * keeps them.
 */
final class StackEvaluator {

    /** What {@code AWS::NoValue} leaves: the key or list item is removed. */
    static final Object NO_VALUE = new Object();
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{(!?)([^}]*)}");

    private final String file;
    private final DeployTarget target;
    private final Map<String, Object> parameters;
    private final Map<String, Object> conditionDefinitions;
    private final Map<String, Object> mappings;
    private final Map<String, Boolean> conditions = new HashMap<>();
    private final Set<String> evaluatingConditions = new HashSet<>();
    private final Function<String, String> physicalIds;
    private final AttributeSource attributes;

    /** Resource facts the evaluator asks for: which resources exist, and their attributes. */
    interface AttributeSource {
        boolean exists(String logicalId);

        Object attribute(String logicalId, String attribute, String path);
    }

    StackEvaluator(String file, DeployTarget target, Map<String, Object> parameters, Map<String, Object> conditions,
                   Map<String, Object> mappings, Function<String, String> physicalIds, AttributeSource attributes) {
        this.file = file;
        this.target = target;
        this.parameters = parameters;
        this.conditionDefinitions = conditions;
        this.mappings = mappings;
        this.physicalIds = physicalIds;
        this.attributes = attributes;
    }

    String file() {
        return file;
    }

    boolean condition(String name, String path) {
        Boolean known = conditions.get(name);
        if (known != null) {
            return known;
        }
        if (!conditionDefinitions.containsKey(name)) {
            throw error(path, "condition " + name + " is not defined in Conditions");
        }
        if (!evaluatingConditions.add(name)) {
            throw error(path, "condition " + name + " depends on itself");
        }
        boolean value = bool(resolve(conditionDefinitions.get(name), "Conditions." + name), "Conditions." + name);
        evaluatingConditions.remove(name);
        conditions.put(name, value);
        return value;
    }

    /** The value with every intrinsic function evaluated. */
    @SuppressWarnings("unchecked")
    Object resolve(Object node, String path) {
        if (node instanceof Map<?, ?> map) {
            if (map.size() == 1) {
                String key = (String) map.keySet().iterator().next();
                if (key.equals("Ref") || key.equals("Condition") || key.startsWith("Fn::")) {
                    return function(key, map.get(key), path + "." + key);
                }
            }
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : ((Map<String, Object>) map).entrySet()) {
                Object value = resolve(e.getValue(), path + "." + e.getKey());
                if (value != NO_VALUE) {
                    out.put(e.getKey(), value);
                }
            }
            return out;
        }
        if (node instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                Object value = resolve(list.get(i), path + "[" + i + "]");
                if (value != NO_VALUE) {
                    out.add(value);
                }
            }
            return out;
        }
        return node;
    }

    private Object function(String name, Object argument, String path) {
        switch (name) {
            case "Ref":
                return ref(string(resolve(argument, path), path), path);
            case "Condition":
                return condition(string(argument, path), path);
            case "Fn::If": {
                List<?> args = list(argument, 3, path);
                return resolve(condition(string(args.get(0), path), path) ? args.get(1) : args.get(2), path);
            }
            case "Fn::Equals": {
                List<?> args = list(argument, 2, path);
                return String.valueOf(scalar(resolve(args.get(0), path)))
                        .equals(String.valueOf(scalar(resolve(args.get(1), path))));
            }
            case "Fn::Not":
                return !bool(resolve(list(argument, 1, path).get(0), path), path);
            case "Fn::And":
            case "Fn::Or": {
                boolean and = name.equals("Fn::And");
                for (Object item : list(argument, -1, path)) {
                    boolean value = bool(resolve(item, path), path);
                    if (value != and) {
                        return value;
                    }
                }
                return and;
            }
            case "Fn::Join": {
                List<?> args = list(argument, 2, path);
                String delimiter = string(resolve(args.get(0), path), path);
                List<String> parts = new ArrayList<>();
                for (Object item : list(resolve(args.get(1), path), -1, path)) {
                    parts.add(string(item, path));
                }
                return String.join(delimiter, parts);
            }
            case "Fn::Split": {
                List<?> args = list(argument, 2, path);
                String delimiter = string(resolve(args.get(0), path), path);
                return List.of(string(resolve(args.get(1), path), path).split(Pattern.quote(delimiter), -1));
            }
            case "Fn::Select": {
                List<?> args = list(argument, 2, path);
                int index = Integer.parseInt(string(resolve(args.get(0), path), path));
                List<?> items = list(resolve(args.get(1), path), -1, path);
                if (index < 0 || index >= items.size()) {
                    throw error(path, "index " + index + " is out of bounds of a list of " + items.size());
                }
                return items.get(index);
            }
            case "Fn::Sub":
                return sub(argument, path);
            case "Fn::GetAtt": {
                List<String> args = new ArrayList<>();
                Object resolved = argument instanceof String s ? List.of(s.substring(0, s.indexOf('.')),
                        s.substring(s.indexOf('.') + 1)) : resolve(argument, path);
                for (Object item : list(resolved, 2, path)) {
                    args.add(string(item, path));
                }
                return getAtt(args.get(0), args.get(1), path);
            }
            case "Fn::FindInMap": {
                List<?> args = list(resolve(argument, path), 3, path);
                Object value = mappings.get(string(args.get(0), path));
                for (int i = 1; i < 3 && value instanceof Map<?, ?> m; i++) {
                    value = m.get(string(args.get(i), path));
                }
                if (value == null) {
                    throw error(path, "no value in Mappings for " + args);
                }
                return value;
            }
            case "Fn::Base64":
                return Base64.getEncoder().encodeToString(string(resolve(argument, path), path)
                        .getBytes(StandardCharsets.UTF_8));
            case "Fn::GetAZs":
                return List.of(target.region() + "a", target.region() + "b", target.region() + "c");
            case "Fn::Cidr": {
                List<?> args = list(resolve(argument, path), 3, path);
                return Cidr.split(string(args.get(0), path), Integer.parseInt(string(args.get(1), path)),
                        Integer.parseInt(string(args.get(2), path)), path);
            }
            default:
                throw error(path, name + " is not supported by the rehearsal");
        }
    }

    private Object ref(String name, String path) {
        switch (name) {
            case "AWS::AccountId":
                return target.accountId();
            case "AWS::Region":
                return target.region();
            case "AWS::StackName":
                return target.stackName();
            case "AWS::StackId":
                return "arn:aws:cloudformation:" + target.region() + ":" + target.accountId() + ":stack/"
                        + target.stackName() + "/" + uuid(target.stackName());
            case "AWS::Partition":
                return "aws";
            case "AWS::URLSuffix":
                return "amazonaws.com";
            case "AWS::NoValue":
                return NO_VALUE;
            case "AWS::NotificationARNs":
                return List.of();
            default:
                break;
        }
        if (parameters.containsKey(name)) {
            return parameters.get(name);
        }
        if (attributes.exists(name)) {
            return physicalIds.apply(name);
        }
        throw error(path, "Ref to " + name + ", which is neither a parameter nor a resource of this template "
                + "(or its Condition is false)");
    }

    private Object getAtt(String logicalId, String attribute, String path) {
        if (!attributes.exists(logicalId)) {
            throw error(path, "Fn::GetAtt of " + logicalId + ", which is not a resource of this template "
                    + "(or its Condition is false)");
        }
        return attributes.attribute(logicalId, attribute, path);
    }

    private String sub(Object argument, String path) {
        String text;
        Map<String, Object> variables = new HashMap<>();
        if (argument instanceof List<?> args) {
            list(args, 2, path);
            text = string(args.get(0), path);
            if (!(args.get(1) instanceof Map<?, ?> vars)) {
                throw error(path, "the second item of Fn::Sub must be a mapping of variables");
            }
            vars.forEach((k, v) -> variables.put((String) k, resolve(v, path + "." + k)));
        } else {
            text = string(argument, path);
        }
        Matcher m = SUB_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            String variable = m.group(2).trim();
            if (!m.group(1).isEmpty()) {
                replacement = "${" + m.group(2) + "}";
            } else if (variables.containsKey(variable)) {
                replacement = string(variables.get(variable), path);
            } else if (variable.contains(".") && !variable.startsWith("AWS::")) {
                replacement = string(getAtt(variable.substring(0, variable.indexOf('.')),
                        variable.substring(variable.indexOf('.') + 1), path), path);
            } else {
                Object value = ref(variable, path);
                replacement = value instanceof List<?> l ? String.join(",", l.stream().map(String::valueOf).toList())
                        : string(value, path);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    TemplateException error(String path, String message) {
        return new TemplateException(file + ": " + path + ": " + message);
    }

    private boolean bool(Object value, String path) {
        if (value instanceof Boolean b) {
            return b;
        }
        throw error(path, "expected a condition (true or false), got " + value);
    }

    String string(Object value, String path) {
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return ParameterResolver.scalar(value);
        }
        throw error(path, "expected a string, got " + (value == NO_VALUE ? "AWS::NoValue" : value));
    }

    private List<?> list(Object value, int size, String path) {
        if (!(value instanceof List<?> l) || (size >= 0 && l.size() != size)) {
            throw error(path, "expected a list" + (size >= 0 ? " of " + size : "") + ", got " + value);
        }
        return l;
    }

    private static Object scalar(Object value) {
        return value instanceof List<?> l ? l : ParameterResolver.scalar(value);
    }

    private static String uuid(String seed) {
        return java.util.UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** A stable pseudo-random string for physical ids. */
    static String stableId(String seed, String alphabet, int length) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            StringBuilder id = new StringBuilder();
            for (int i = 0; i < length; i++) {
                id.append(alphabet.charAt((digest[i % digest.length] & 0xff) % alphabet.length()));
            }
            return id.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
