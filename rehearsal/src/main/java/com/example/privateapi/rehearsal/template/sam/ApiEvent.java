package com.example.privateapi.rehearsal.template.sam;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An {@code Api} event of a function: one method of an explicit {@code AWS::Serverless::Api} of the same template.
 *
 * @param functionId  the function's logical id
 * @param eventId     the event's name
 * @param apiId       the API's logical id ({@code RestApiId: !Ref ...})
 * @param path        the resource path, e.g. {@code /requests/{requestId}}
 * @param method      the HTTP method, lower case ({@code any} for every method)
 * @param auth        the event's {@code Auth}, possibly empty
 * @param condition   the function's {@code Condition}, or null
 * @param invokeTarget what the integration invokes: the function's ARN, or its alias when it has one
 * @param permissionTarget what the Lambda permission names: the function, or its alias
 */
record ApiEvent(String functionId, String eventId, String apiId, String path, String method, Map<String, Object> auth,
                String condition, Object invokeTarget, Object permissionTarget) {

    private static final Set<String> PROPERTIES = Set.of("RestApiId", "Path", "Method", "Auth");
    private static final Set<String> AUTH = Set.of("Authorizer", "InvokeRole");
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([a-zA-Z0-9._-]+|[a-zA-Z0-9._-]+\\+)}");

    static ApiEvent of(String functionId, String eventId, Map<?, ?> event, String condition, Object invokeTarget,
                       Object permissionTarget, Set<String> apis) {
        String where = "Events." + eventId;
        if (!"Api".equals(event.get("Type"))) {
            throw TransformException.unsupported(functionId, where + ".Type", "event type " + event.get("Type")
                    + " is not supported by the rehearsal (supported: Api)");
        }
        Map<String, Object> props = Nodes.map(event.get("Properties"), functionId, where + ".Properties");
        for (String key : props.keySet()) {
            if (!PROPERTIES.contains(key)) {
                throw TransformException.unsupported(functionId, where + ".Properties." + key,
                        "not supported by the rehearsal (supported: " + PROPERTIES.stream().sorted().toList() + ")");
            }
        }
        if (!(props.get("RestApiId") instanceof Map<?, ?> ref) || !(ref.get("Ref") instanceof String apiId)
                || !apis.contains(apiId)) {
            throw TransformException.unsupported(functionId, where + ".Properties.RestApiId", "must be !Ref to an "
                    + "AWS::Serverless::Api of this template (the rehearsal does not create SAM's implicit API)");
        }
        if (!(props.get("Path") instanceof String path) || !path.startsWith("/")) {
            throw TransformException.unsupported(functionId, where + ".Properties.Path", "must be a path such as /items");
        }
        if (!(props.get("Method") instanceof String method)) {
            throw TransformException.unsupported(functionId, where + ".Properties.Method", "must be an HTTP method");
        }
        Map<String, Object> auth = Nodes.map(props.get("Auth"), functionId, where + ".Properties.Auth");
        for (String key : auth.keySet()) {
            if (!AUTH.contains(key)) {
                throw TransformException.unsupported(functionId, where + ".Properties.Auth." + key,
                        "not supported by the rehearsal (supported: " + AUTH.stream().sorted().toList() + ")");
            }
        }
        if (auth.containsKey("Authorizer") && !"AWS_IAM".equals(auth.get("Authorizer"))) {
            throw TransformException.unsupported(functionId, where + ".Properties.Auth.Authorizer",
                    "only AWS_IAM is supported by the rehearsal");
        }
        return new ApiEvent(functionId, eventId, apiId, path, method.toLowerCase(Locale.ROOT), auth, condition,
                invokeTarget, permissionTarget);
    }

    /**
     * The {@code AWS::Lambda::Permission} SAM writes for the event: API Gateway may invoke the function from any
     * stage of the API, for this method and path (path parameters as {@code *}, no trailing slash).
     */
    Map<String, Object> permission() {
        String resourcePath = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        resourcePath = PATH_PARAMETER.matcher(resourcePath).replaceAll("*");
        String methodPart = method.equals("any") ? "*" : method.toUpperCase(Locale.ROOT);
        Map<String, Object> props = new java.util.LinkedHashMap<>();
        props.put("Action", "lambda:InvokeFunction");
        props.put("FunctionName", permissionTarget);
        props.put("Principal", "apigateway.amazonaws.com");
        props.put("SourceArn", Nodes.sub("arn:aws:execute-api:${AWS::Region}:${AWS::AccountId}:${__ApiId__}/"
                + "${__Stage__}/" + methodPart + resourcePath, Map.of("__ApiId__", Nodes.ref(apiId), "__Stage__", "*")));
        Map<String, Object> resource = new java.util.LinkedHashMap<>();
        resource.put("Type", "AWS::Lambda::Permission");
        if (condition != null) {
            resource.put("Condition", condition);
        }
        resource.put("Properties", props);
        return resource;
    }
}
