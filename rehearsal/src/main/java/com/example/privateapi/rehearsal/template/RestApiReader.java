package com.example.privateapi.rehearsal.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an {@code AWS::ApiGateway::RestApi} with an OpenAPI (2.0 or 3.0) {@code Body}: each method's Lambda proxy
 * integration (the function it invokes and its credentials) and authorization (IAM when a security requirement names
 * a scheme of {@code x-amazon-apigateway-authtype: awsSigv4}), the resource policy ({@code Policy}, else the body's
 * {@code x-amazon-apigateway-policy}), and the stages of the stack that serve the API.
 */
final class RestApiReader {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "x-amazon-apigateway-any-method");
    private static final Pattern LAMBDA_URI =
            Pattern.compile("arn:aws:apigateway:[a-z0-9-]+:lambda:path/2015-03-31/functions/(.+)/invocations");

    private final ModelBuilder.Stack stack;
    private final String id;
    private final StackEvaluator eval;
    private final String path;

    RestApiReader(ModelBuilder.Stack stack, String id) {
        this.stack = stack;
        this.id = id;
        this.eval = stack.evaluator();
        this.path = "Resources." + id + ".Properties";
    }

    Model.RestApi read() {
        Map<String, Object> props = stack.properties(id);
        if (!(props.get("Body") instanceof Map<?, ?> body)) {
            throw eval.error(path + ".Body", "the rehearsal reads an API's methods from its inline OpenAPI Body");
        }
        String endpointType = "EDGE";
        if (props.get("EndpointConfiguration") instanceof Map<?, ?> config
                && config.get("Types") instanceof List<?> types && !types.isEmpty()) {
            endpointType = String.valueOf(types.get(0));
        }
        Object policy = props.containsKey("Policy") ? props.get("Policy") : body.get("x-amazon-apigateway-policy");
        String resourcePolicy = policy == null ? null
                : policy instanceof String s ? s : ModelBuilder.GSON.toJson(policy);
        String name = props.containsKey("Name") ? eval.string(props.get("Name"), path + ".Name") : null;
        return new Model.RestApi(id, stack.physicalId(id), name, endpointType, routes(body), resourcePolicy,
                stages());
    }

    private List<Model.Route> routes(Map<?, ?> body) {
        Set<String> iamSchemes = iamSchemes(body);
        Object defaultSecurity = body.get("security");
        List<Model.Route> routes = new ArrayList<>();
        if (!(body.get("paths") instanceof Map<?, ?> paths)) {
            return routes;
        }
        for (Map.Entry<?, ?> pathItem : paths.entrySet()) {
            String resourcePath = String.valueOf(pathItem.getKey());
            if (!(pathItem.getValue() instanceof Map<?, ?> operations)) {
                continue;
            }
            for (Map.Entry<?, ?> operation : operations.entrySet()) {
                String method = String.valueOf(operation.getKey()).toLowerCase(Locale.ROOT);
                if (!METHODS.contains(method) || !(operation.getValue() instanceof Map<?, ?> definition)) {
                    continue;
                }
                String where = path + ".Body.paths." + resourcePath + "." + method;
                if (!(definition.get("x-amazon-apigateway-integration") instanceof Map<?, ?> integration)) {
                    throw eval.error(where, "a method without x-amazon-apigateway-integration is not supported by "
                            + "the rehearsal");
                }
                if (!"aws_proxy".equals(integration.get("type"))) {
                    throw eval.error(where + ".x-amazon-apigateway-integration.type", "only Lambda proxy integrations "
                            + "(aws_proxy) are supported by the rehearsal, got " + integration.get("type"));
                }
                String uri = eval.string(integration.get("uri"), where + ".x-amazon-apigateway-integration.uri");
                Matcher lambda = LAMBDA_URI.matcher(uri);
                if (!lambda.matches()) {
                    throw eval.error(where + ".x-amazon-apigateway-integration.uri", "not a Lambda function's "
                            + "invocation URI: " + uri);
                }
                Object credentials = integration.get("credentials");
                Object security = definition.containsKey("security") ? definition.get("security") : defaultSecurity;
                routes.add(new Model.Route(method.equals("x-amazon-apigateway-any-method") ? "ANY"
                        : method.toUpperCase(Locale.ROOT), resourcePath,
                        requiresIam(security, iamSchemes) ? "AWS_IAM" : "NONE", lambda.group(1),
                        credentials == null ? null : eval.string(credentials, where + ".credentials")));
            }
        }
        return routes;
    }

    private static Set<String> iamSchemes(Map<?, ?> body) {
        Object schemes = body.get("securityDefinitions");
        if (schemes == null && body.get("components") instanceof Map<?, ?> components) {
            schemes = components.get("securitySchemes");
        }
        Set<String> iam = new java.util.HashSet<>();
        if (schemes instanceof Map<?, ?> map) {
            map.forEach((name, scheme) -> {
                if (scheme instanceof Map<?, ?> s && "awsSigv4".equals(s.get("x-amazon-apigateway-authtype"))) {
                    iam.add(String.valueOf(name));
                }
            });
        }
        return iam;
    }

    private static boolean requiresIam(Object security, Set<String> iamSchemes) {
        if (!(security instanceof List<?> requirements)) {
            return false;
        }
        return requirements.stream().anyMatch(r -> r instanceof Map<?, ?> m
                && m.keySet().stream().anyMatch(k -> iamSchemes.contains(String.valueOf(k))));
    }

    /** The stages of this stack that serve the API: its Stage resources, and a Deployment's own StageName. */
    private List<Model.Stage> stages() {
        String apiId = stack.physicalId(id);
        List<Model.Stage> stages = new ArrayList<>();
        for (String other : stack.logicalIds()) {
            String type = stack.type(other);
            if (!type.equals("AWS::ApiGateway::Stage") && !type.equals("AWS::ApiGateway::Deployment")) {
                continue;
            }
            Map<String, Object> props = stack.properties(other);
            String where = "Resources." + other + ".Properties";
            if (!apiId.equals(eval.string(props.get("RestApiId"), where + ".RestApiId"))) {
                continue;
            }
            if (type.equals("AWS::ApiGateway::Deployment")) {
                if (props.get("StageName") != null) {
                    stages.add(new Model.Stage(eval.string(props.get("StageName"), where + ".StageName"),
                            stack.physicalId(other), null, false));
                }
                continue;
            }
            String format = props.get("AccessLogSetting") instanceof Map<?, ?> log && log.get("Format") != null
                    ? String.valueOf(log.get("Format")) : null;
            stages.add(new Model.Stage(stack.physicalId(other), eval.string(props.get("DeploymentId"),
                    where + ".DeploymentId"), format, ModelBuilder.truthy(props.get("TracingEnabled"))));
        }
        return stages;
    }
}
