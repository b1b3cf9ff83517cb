package com.example.privateapi.rehearsal.template.sam;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The template's {@code Globals} section, merged into each resource as SAM does ("Globals section of the AWS SAM
 * template", AWS SAM Developer Guide): a value of the resource wins over a primitive or intrinsic global value or
 * one of another shape; maps are merged key by key; lists are the global entries followed by the resource's.
 */
final class Globals {

    /** The globals the rehearsal supports, by resource kind: a subset of what SAM accepts. */
    static final Set<String> FUNCTION = Set.of("Handler", "Runtime", "CodeUri", "Description", "MemorySize", "Timeout",
            "VpcConfig", "Environment", "Tags", "Tracing", "PermissionsBoundary", "ReservedConcurrentExecutions",
            "Architectures", "EphemeralStorage", "LoggingConfig", "AutoPublishAlias", "SnapStart");
    static final Set<String> API = Set.of("Name", "EndpointConfiguration", "TracingEnabled", "MethodSettings",
            "AccessLogSetting", "Auth", "OpenApiVersion", "Variables");

    private final Map<String, Object> function;
    private final Map<String, Object> api;

    private Globals(Map<String, Object> function, Map<String, Object> api) {
        this.function = function;
        this.api = api;
    }

    static Globals of(Object section) {
        if (section == null) {
            return new Globals(Map.of(), Map.of());
        }
        if (!(section instanceof Map<?, ?> map)) {
            throw new TransformException("Globals: must be a mapping");
        }
        Map<String, Object> function = Map.of();
        Map<String, Object> api = Map.of();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String kind = String.valueOf(entry.getKey());
            switch (kind) {
                case "Function" -> function = checked(entry.getValue(), kind, FUNCTION);
                case "Api" -> api = checked(entry.getValue(), kind, API);
                default -> throw new TransformException("Globals." + kind + ": globals for " + kind
                        + " are not supported by the rehearsal (supported: Function, Api)");
            }
        }
        return new Globals(function, api);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> checked(Object value, String kind, Set<String> supported) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new TransformException("Globals." + kind + ": must be a mapping");
        }
        for (Object key : map.keySet()) {
            if (!supported.contains(String.valueOf(key))) {
                throw new TransformException("Globals." + kind + "." + key + ": not supported by the rehearsal "
                        + "(supported: " + supported.stream().sorted().toList() + ")");
            }
        }
        return (Map<String, Object>) map;
    }

    Map<String, Object> function(Map<String, Object> properties) {
        return merge(function, properties);
    }

    Map<String, Object> api(Map<String, Object> properties) {
        return merge(api, properties);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> merge(Map<String, Object> global, Map<String, Object> local) {
        return (Map<String, Object>) mergeValue(Nodes.copy(global), Nodes.copy(local));
    }

    @SuppressWarnings("unchecked")
    private static Object mergeValue(Object global, Object local) {
        if (global instanceof Map<?, ?> g && !Nodes.isIntrinsic(g) && local instanceof Map<?, ?> l
                && !Nodes.isIntrinsic(l)) {
            Map<String, Object> out = new LinkedHashMap<>((Map<String, Object>) g);
            ((Map<String, Object>) l).forEach((k, v) -> out.put(k, out.containsKey(k) ? mergeValue(out.get(k), v) : v));
            return out;
        }
        if (global instanceof List<?> g && local instanceof List<?> l) {
            List<Object> out = new ArrayList<>(g);
            out.addAll(l);
            return out;
        }
        return local;
    }
}
