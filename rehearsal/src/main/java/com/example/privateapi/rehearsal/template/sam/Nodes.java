package com.example.privateapi.rehearsal.template.sam;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Building and reading the raw template tree: intrinsic functions as one-key maps, deep copies, typed access. */
final class Nodes {

    private Nodes() {
    }

    static Map<String, Object> ref(String logicalId) {
        return Map.of("Ref", logicalId);
    }

    static Map<String, Object> getAtt(String logicalId, String attribute) {
        return Map.of("Fn::GetAtt", List.of(logicalId, attribute));
    }

    static Map<String, Object> sub(String text) {
        return Map.of("Fn::Sub", text);
    }

    static Map<String, Object> sub(String text, Map<String, Object> variables) {
        return Map.of("Fn::Sub", List.of(text, variables));
    }

    /** An intrinsic function or condition: a map of one key that is {@code Ref}, {@code Condition} or {@code Fn::*}. */
    static boolean isIntrinsic(Object node) {
        if (!(node instanceof Map<?, ?> map) || map.size() != 1) {
            return false;
        }
        Object key = map.keySet().iterator().next();
        return key instanceof String k && (k.equals("Ref") || k.equals("Condition") || k.startsWith("Fn::"));
    }

    static boolean isNoValue(Object node) {
        return node instanceof Map<?, ?> map && map.size() == 1 && "AWS::NoValue".equals(map.get("Ref"));
    }

    /** SAM's truthiness of a property: present and not empty. */
    static boolean truthy(Object node) {
        if (node == null || node instanceof Boolean b && !b) {
            return false;
        }
        if (node instanceof String s) {
            return !s.isEmpty();
        }
        if (node instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        return !(node instanceof List<?> l) || !l.isEmpty();
    }

    @SuppressWarnings("unchecked")
    static Object copy(Object node) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<String, Object>) map).forEach((k, v) -> out.put(k, copy(v)));
            return out;
        }
        if (node instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(item -> out.add(copy(item)));
            return out;
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node, String resource, String property) {
        if (node == null) {
            return new LinkedHashMap<>();
        }
        if (!(node instanceof Map<?, ?>) || isIntrinsic(node)) {
            throw TransformException.unsupported(resource, property, "must be a mapping");
        }
        return (Map<String, Object>) node;
    }

    /**
     * Replaces every {@code Ref} to a parameter with its value, as the SAM translator does in the properties it
     * reads itself (it receives the stack's parameter values from CloudFormation).
     */
    @SuppressWarnings("unchecked")
    static Object resolveParameterRefs(Object node, Map<String, Object> parameters) {
        if (node instanceof Map<?, ?> map) {
            if (map.size() == 1 && map.get("Ref") instanceof String name && parameters.containsKey(name)) {
                return parameters.get(name);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<String, Object>) map).forEach((k, v) -> out.put(k, resolveParameterRefs(v, parameters)));
            return out;
        }
        if (node instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(item -> out.add(resolveParameterRefs(item, parameters)));
            return out;
        }
        return node;
    }
}
