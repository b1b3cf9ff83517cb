package com.example.privateapi.rehearsal.template.sam;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One {@code AWS::Serverless::Api} as SAM expands it: an {@code AWS::ApiGateway::RestApi} whose OpenAPI body holds a
 * Lambda proxy integration per API event (with the integration credentials SAM derives from {@code Auth}) and the
 * resource policy, an {@code AWS::ApiGateway::Deployment}, and the stage. Without {@code OpenApiVersion} SAM's
 * deployment also creates a stage named {@code Stage}.
 */
final class ApiExpansion {

    private static final Set<String> SUPPORTED = Set.of("StageName", "Name", "Description", "EndpointConfiguration",
            "TracingEnabled", "MethodSettings", "AccessLogSetting", "Auth", "OpenApiVersion", "Variables");
    private static final Set<String> AUTH = Set.of("DefaultAuthorizer", "InvokeRole", "ResourcePolicy");
    /** What SAM writes as integration credentials for "the caller's credentials". */
    static final String CALLER_CREDENTIALS = "arn:aws:iam::*:user/*";

    private final String id;
    private final Map<String, Object> resource;
    private final Map<String, Object> props;
    private final Map<String, Object> parameters;

    ApiExpansion(String id, Map<String, Object> resource, Globals globals, Map<String, Object> parameters) {
        this.id = id;
        this.resource = resource;
        this.props = globals.api(Nodes.map(resource.get("Properties"), id, ""));
        this.parameters = parameters;
        for (String key : props.keySet()) {
            if (!SUPPORTED.contains(key)) {
                throw TransformException.unsupported(id, key, key.startsWith("Definition")
                        ? "OpenAPI definitions are not supported by the rehearsal; declare routes as function events "
                        + "and the policy in Auth.ResourcePolicy" : "not supported by the rehearsal");
            }
        }
        if (!props.containsKey("StageName")) {
            throw TransformException.unsupported(id, "StageName", "is required");
        }
        for (String key : auth().keySet()) {
            if (!AUTH.contains(key)) {
                throw TransformException.unsupported(id, "Auth." + key, "not supported by the rehearsal (supported: "
                        + AUTH.stream().sorted().toList() + ")");
            }
        }
        Object authorizer = auth().get("DefaultAuthorizer");
        if (authorizer != null && !"AWS_IAM".equals(authorizer)) {
            throw TransformException.unsupported(id, "Auth.DefaultAuthorizer", "only AWS_IAM is supported by the "
                    + "rehearsal");
        }
    }

    /** The resources SAM generates for the API, by logical id. */
    Map<String, Object> resources(List<ApiEvent> events) {
        Map<String, Object> body = body(events);
        String digest = FunctionExpansion.hash(Nodes.resolveParameterRefs(body, parameters));
        String deploymentId = id + "Deployment" + digest.substring(0, 10);
        Map<String, Object> out = new LinkedHashMap<>();

        Map<String, Object> api = new LinkedHashMap<>();
        api.put("Body", body);
        if (props.containsKey("Name")) {
            api.put("Name", Nodes.copy(props.get("Name")));
        }
        if (props.containsKey("Description")) {
            api.put("Description", Nodes.copy(props.get("Description")));
        }
        Object endpoint = props.get("EndpointConfiguration");
        if (endpoint != null) {
            Object type = endpoint instanceof Map<?, ?> m && !Nodes.isIntrinsic(m) ? m.get("Type") : endpoint;
            Map<String, Object> configuration = new LinkedHashMap<>();
            configuration.put("Types", List.of(type));
            if (endpoint instanceof Map<?, ?> m && m.containsKey("VPCEndpointIds")) {
                configuration.put("VpcEndpointIds", Nodes.copy(m.get("VPCEndpointIds")));
            }
            api.put("Parameters", Map.of("endpointConfigurationTypes", type));
            api.put("EndpointConfiguration", configuration);
        }
        out.put(id, resource("AWS::ApiGateway::RestApi", api));

        Map<String, Object> deployment = new LinkedHashMap<>();
        deployment.put("Description", "RestApi deployment id: " + digest);
        deployment.put("RestApiId", Nodes.ref(id));
        if (!props.containsKey("OpenApiVersion")) {
            deployment.put("StageName", "Stage");
        }
        out.put(deploymentId, resource("AWS::ApiGateway::Deployment", deployment));

        Map<String, Object> stage = new LinkedHashMap<>();
        for (String key : List.of("AccessLogSetting", "MethodSettings", "TracingEnabled", "Variables")) {
            if (props.containsKey(key)) {
                stage.put(key, Nodes.copy(props.get(key)));
            }
        }
        stage.put("DeploymentId", Nodes.ref(deploymentId));
        stage.put("RestApiId", Nodes.ref(id));
        stage.put("StageName", Nodes.copy(props.get("StageName")));
        out.put(stageId(), resource("AWS::ApiGateway::Stage", stage));
        return out;
    }

    /** The suffix of the Lambda permissions' logical ids: the stage name when it is a literal, else "Stage". */
    String permissionSuffix() {
        return props.get("StageName") instanceof String name ? name : "Stage";
    }

    private String stageId() {
        Object name = props.get("StageName");
        return name instanceof String s && s.matches("[A-Za-z0-9]+") ? id + s + "Stage" : id + "Stage";
    }

    private Map<String, Object> body(List<ApiEvent> events) {
        Map<String, Object> body = new LinkedHashMap<>();
        Object version = props.get("OpenApiVersion");
        boolean openApi3 = version != null && String.valueOf(version).startsWith("3");
        if (openApi3) {
            body.put("openapi", String.valueOf(version));
        } else {
            body.put("swagger", "2.0");
        }
        body.put("info", Map.of("version", "1.0", "title", Nodes.ref("AWS::StackName")));
        Map<String, Object> paths = new LinkedHashMap<>();
        boolean iam = "AWS_IAM".equals(auth().get("DefaultAuthorizer"));
        boolean anyIam = false;
        for (ApiEvent event : events) {
            @SuppressWarnings("unchecked")
            Map<String, Object> item = (Map<String, Object>) paths.computeIfAbsent(event.path(),
                    p -> new LinkedHashMap<String, Object>());
            String method = event.method().equals("any") ? "x-amazon-apigateway-any-method" : event.method();
            if (item.containsKey(method)) {
                throw TransformException.unsupported(event.functionId(), "Events." + event.eventId(),
                        "API method \"" + event.method() + "\" defined multiple times for path \"" + event.path()
                                + "\"");
            }
            Map<String, Object> integration = new LinkedHashMap<>();
            integration.put("type", "aws_proxy");
            integration.put("httpMethod", "POST");
            integration.put("uri", Nodes.sub("arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${"
                    + targetName(event.invokeTarget()) + "}/invocations"));
            boolean methodIam = "AWS_IAM".equals(event.auth().get("Authorizer")) || iam && event.auth().isEmpty();
            if (methodIam) {
                Object credentials = credentials(event.auth());
                if (credentials != null) {
                    integration.put("credentials", credentials);
                }
            }
            Map<String, Object> operation = new LinkedHashMap<>();
            operation.put("x-amazon-apigateway-integration", integration);
            if (methodIam || iam) {
                operation.put("security", List.of(Map.of("AWS_IAM", List.of())));
                anyIam = true;
            }
            operation.put("responses", Map.of());
            item.put(method, event.condition() == null ? operation
                    : Map.of("Fn::If", List.of(event.condition(), operation, Nodes.ref("AWS::NoValue"))));
        }
        body.put("paths", paths);
        if (anyIam) {
            Map<String, Object> scheme = Map.of("AWS_IAM", Map.of("in", "header", "type", "apiKey",
                    "name", "Authorization", "x-amazon-apigateway-authtype", "awsSigv4"));
            body.put(openApi3 ? "components" : "securityDefinitions",
                    openApi3 ? Map.of("securitySchemes", scheme) : scheme);
        }
        if (auth().get("ResourcePolicy") != null) {
            body.put("x-amazon-apigateway-policy", resourcePolicy());
        }
        return body;
    }

    /**
     * The method's integration credentials as SAM derives them: the event's {@code InvokeRole}, else the API's;
     * {@code CALLER_CREDENTIALS} (the default) is the caller's own credentials; {@code NONE} is none, so that API
     * Gateway invokes the function with the permission the function's resource policy gives it.
     */
    private Object credentials(Map<String, Object> methodAuth) {
        Object role = methodAuth.containsKey("InvokeRole") ? orNone(methodAuth.get("InvokeRole"))
                : auth().containsKey("InvokeRole") ? orNone(auth().get("InvokeRole")) : null;
        if (role == null || "CALLER_CREDENTIALS".equals(role)) {
            return CALLER_CREDENTIALS;
        }
        if ("NONE".equals(role)) {
            return null;
        }
        return Nodes.copy(role);
    }

    private static Object orNone(Object role) {
        return Nodes.truthy(role) ? role : "NONE";
    }

    private Map<String, Object> resourcePolicy() {
        Map<String, Object> policy = Nodes.map(auth().get("ResourcePolicy"), id, "Auth.ResourcePolicy");
        for (String key : policy.keySet()) {
            if (!key.equals("CustomStatements")) {
                throw TransformException.unsupported(id, "Auth.ResourcePolicy." + key, "only CustomStatements is "
                        + "supported by the rehearsal");
            }
        }
        return Map.of("Version", "2012-10-17", "Statement", Nodes.copy(policy.get("CustomStatements")));
    }

    private Map<String, Object> auth() {
        return Nodes.map(props.get("Auth"), id, "Auth");
    }

    private static String targetName(Object target) {
        if (target instanceof Map<?, ?> ref && ref.get("Ref") instanceof String name) {
            return name;
        }
        @SuppressWarnings("unchecked")
        List<String> getAtt = (List<String>) ((Map<?, ?>) target).get("Fn::GetAtt");
        return getAtt.get(0) + "." + getAtt.get(1);
    }

    private Map<String, Object> resource(String type, Map<String, Object> properties) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("Type", type);
        for (String attribute : FunctionExpansion.PASSTHROUGH) {
            if (resource.containsKey(attribute)) {
                out.put(attribute, Nodes.copy(resource.get(attribute)));
            }
        }
        out.put("Properties", properties);
        return out;
    }
}
