package com.example.privateapi.rehearsal.template.sam;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One {@code AWS::Serverless::Function} as SAM expands it: an {@code AWS::Lambda::Function}, its generated execution
 * role unless {@code Role} is given, with {@code AutoPublishAlias} a version and an alias, and the API events the
 * function's API picks up ({@link ApiExpansion}) with their Lambda permissions.
 */
final class FunctionExpansion {

    /** Properties copied to {@code AWS::Lambda::Function} as they are. */
    private static final List<String> PASSED = List.of("FunctionName", "Description", "Handler", "Runtime",
            "MemorySize", "Timeout", "Environment", "VpcConfig", "Architectures", "LoggingConfig", "EphemeralStorage",
            "ReservedConcurrentExecutions", "KmsKeyArn", "SnapStart");
    /** Properties SAM turns into something else. */
    private static final Set<String> TRANSFORMED = Set.of("CodeUri", "Tracing", "Role", "Policies",
            "PermissionsBoundary", "AssumeRolePolicyDocument", "RolePath", "Events", "Tags", "AutoPublishAlias");
    /** Resource attributes of the function itself. */
    private static final List<String> ATTRIBUTES = List.of("Condition", "DependsOn", "DeletionPolicy",
            "UpdateReplacePolicy", "Metadata");
    /** Resource attributes SAM passes on to the resources it generates for the function. */
    static final List<String> PASSTHROUGH = List.of("Condition", "DeletionPolicy", "UpdateReplacePolicy");

    private final String id;
    private final Map<String, Object> resource;
    private final Map<String, Object> props;
    private final Map<String, Object> parameters;

    FunctionExpansion(String id, Map<String, Object> resource, Globals globals, Map<String, Object> parameters) {
        this.id = id;
        this.resource = resource;
        this.props = globals.function(Nodes.map(resource.get("Properties"), id, ""));
        this.parameters = parameters;
        for (String key : props.keySet()) {
            if (!PASSED.contains(key) && !TRANSFORMED.contains(key)) {
                throw TransformException.unsupported(id, key, "not supported by the rehearsal");
            }
        }
    }

    String condition() {
        return resource.get("Condition") instanceof String c ? c : null;
    }

    /** The API events, each naming what its integration invokes (the alias when the function has one). */
    List<ApiEvent> apiEvents(Set<String> apis) {
        List<ApiEvent> events = new ArrayList<>();
        Map<String, Object> declared = Nodes.map(props.get("Events"), id, "Events");
        Object target = alias() == null ? Nodes.getAtt(id, "Arn") : Nodes.ref(aliasId());
        Object permissionTarget = alias() == null ? Nodes.ref(id) : Nodes.ref(aliasId());
        for (Map.Entry<String, Object> event : declared.entrySet()) {
            if (!(event.getValue() instanceof Map<?, ?> definition)) {
                throw TransformException.unsupported(id, "Events." + event.getKey(), "must be a mapping");
            }
            events.add(ApiEvent.of(id, event.getKey(), definition, condition(), target, permissionTarget, apis));
        }
        return events;
    }

    /** The function, its role, and its version and alias, by logical id. */
    Map<String, Object> resources() {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> function = new LinkedHashMap<>();
        function.put("Type", "AWS::Lambda::Function");
        copyAttributes(function);
        Map<String, Object> fnProps = new LinkedHashMap<>();
        fnProps.put("Code", code());
        for (String key : PASSED) {
            if (props.containsKey(key)) {
                fnProps.put(key, Nodes.copy(props.get(key)));
            }
        }
        fnProps.put("Role", props.containsKey("Role") ? Nodes.copy(props.get("Role")) : Nodes.getAtt(id + "Role", "Arn"));
        if (props.containsKey("Tracing")) {
            fnProps.put("TracingConfig", Map.of("Mode", Nodes.copy(props.get("Tracing"))));
        }
        fnProps.put("Tags", tags());
        function.put("Properties", fnProps);
        out.put(id, function);
        if (!props.containsKey("Role")) {
            Map<String, Object> role = ExecutionRole.build(id, props, parameters);
            for (String attribute : PASSTHROUGH) {
                if (resource.containsKey(attribute)) {
                    role.put(attribute, Nodes.copy(resource.get(attribute)));
                }
            }
            out.put(id + "Role", role);
        }
        String alias = alias();
        if (alias != null) {
            String versionId = id + "Version" + hash(fnProps).substring(0, 10);
            Map<String, Object> version = new LinkedHashMap<>();
            version.put("Type", "AWS::Lambda::Version");
            version.put("DeletionPolicy", "Retain");
            if (condition() != null) {
                version.put("Condition", condition());
            }
            version.put("Properties", Map.of("FunctionName", Nodes.ref(id)));
            out.put(versionId, version);
            Map<String, Object> aliasResource = new LinkedHashMap<>();
            aliasResource.put("Type", "AWS::Lambda::Alias");
            if (condition() != null) {
                aliasResource.put("Condition", condition());
            }
            aliasResource.put("Properties", Map.of("Name", alias, "FunctionName", Nodes.ref(id),
                    "FunctionVersion", Nodes.getAtt(versionId, "Version")));
            out.put(aliasId(), aliasResource);
        }
        return out;
    }

    private String alias() {
        Object alias = props.get("AutoPublishAlias");
        if (alias == null) {
            return null;
        }
        Object resolved = Nodes.resolveParameterRefs(alias, parameters);
        if (!(resolved instanceof String name) || !name.matches("[A-Za-z0-9]+")) {
            throw TransformException.unsupported(id, "AutoPublishAlias", "must be an alphanumeric alias name, got "
                    + resolved);
        }
        return name;
    }

    private String aliasId() {
        return id + "Alias" + alias();
    }

    private Object code() {
        Object uri = props.get("CodeUri");
        if (uri instanceof String s && s.startsWith("s3://")) {
            String rest = s.substring("s3://".length());
            int slash = rest.indexOf('/');
            if (slash <= 0) {
                throw TransformException.unsupported(id, "CodeUri", "not a valid S3 Uri of the form "
                        + "'s3://bucket/key'");
            }
            return Map.of("S3Bucket", rest.substring(0, slash), "S3Key", rest.substring(slash + 1));
        }
        if (uri instanceof String local && !local.isBlank()) {
            // What `sam package` uploads and replaces with its S3 location; the rehearsal runs it from here.
            return Map.of("LocalPath", local);
        }
        if (uri instanceof Map<?, ?> location && location.get("Bucket") != null && location.get("Key") != null) {
            return Map.of("S3Bucket", location.get("Bucket"), "S3Key", location.get("Key"));
        }
        throw TransformException.unsupported(id, "CodeUri", "is required: a local path or an S3 location");
    }

    private List<Object> tags() {
        List<Object> tags = new ArrayList<>();
        tags.add(Map.of("Key", "lambda:createdBy", "Value", "SAM"));
        Map<String, Object> declared = Nodes.map(props.get("Tags"), id, "Tags");
        declared.forEach((k, v) -> tags.add(Map.of("Key", k, "Value", v)));
        return tags;
    }

    private void copyAttributes(Map<String, Object> target) {
        for (String attribute : ATTRIBUTES) {
            if (resource.containsKey(attribute)) {
                target.put(attribute, Nodes.copy(resource.get(attribute)));
            }
        }
    }

    static String hash(Object node) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(String.valueOf(node)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is missing from this JVM", e);
        }
    }
}
