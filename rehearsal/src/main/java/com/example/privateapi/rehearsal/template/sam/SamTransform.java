package com.example.privateapi.rehearsal.template.sam;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies the {@code AWS::Serverless-2016-10-31} transform to a template: its SAM resources become the plain
 * CloudFormation resources AWS's SAM translator writes for them; every other resource is kept as it is.
 */
public final class SamTransform {

    public static final String NAME = "AWS::Serverless-2016-10-31";
    private static final String FUNCTION = "AWS::Serverless::Function";
    private static final String API = "AWS::Serverless::Api";

    /**
     * @param template   the template as read, intrinsic functions in their long form
     * @param parameters the stack's parameter values as CloudFormation hands them to the transform (lists as lists),
     *                   for the few properties SAM reads itself ({@code Tracing}, {@code AutoPublishAlias}, and the
     *                   API body that decides when the stage is redeployed)
     * @return the transformed template: no {@code Transform}, no {@code Globals}, no SAM resource types
     */
    public Map<String, Object> apply(Map<String, Object> template, Map<String, Object> parameters) {
        Globals globals = Globals.of(template.get("Globals"));
        Map<String, Object> resources = Nodes.map(template.get("Resources"), "", "Resources");

        Set<String> apis = new LinkedHashSet<>();
        Map<String, FunctionExpansion> functions = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : resources.entrySet()) {
            if (entry.getValue() instanceof Map<?, ?> resource && API.equals(resource.get("Type"))) {
                apis.add(entry.getKey());
            }
        }
        Map<String, List<ApiEvent>> eventsByApi = new LinkedHashMap<>();
        apis.forEach(api -> eventsByApi.put(api, new ArrayList<>()));
        Map<String, ApiEvent> permissions = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : resources.entrySet()) {
            if (entry.getValue() instanceof Map<?, ?> resource && FUNCTION.equals(resource.get("Type"))) {
                FunctionExpansion function = new FunctionExpansion(entry.getKey(), cast(resource), globals, parameters);
                functions.put(entry.getKey(), function);
                for (ApiEvent event : function.apiEvents(apis)) {
                    eventsByApi.get(event.apiId()).add(event);
                    permissions.put(entry.getKey() + event.eventId(), event);
                }
            } else if (entry.getValue() instanceof Map<?, ?> resource && String.valueOf(resource.get("Type"))
                    .startsWith("AWS::Serverless::") && !API.equals(resource.get("Type"))) {
                throw new TransformException("Resources." + entry.getKey() + ".Type: " + resource.get("Type")
                        + " is not supported by the rehearsal (supported: " + FUNCTION + ", " + API + ")");
            }
        }

        Map<String, ApiExpansion> apiExpansions = new LinkedHashMap<>();
        for (String api : apis) {
            apiExpansions.put(api, new ApiExpansion(api, cast(resources.get(api)), globals, parameters));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : resources.entrySet()) {
            String id = entry.getKey();
            if (functions.containsKey(id)) {
                out.putAll(functions.get(id).resources());
            } else if (apiExpansions.containsKey(id)) {
                out.putAll(apiExpansions.get(id).resources(eventsByApi.get(id)));
            } else {
                out.put(id, Nodes.copy(entry.getValue()));
            }
        }
        permissions.forEach((name, event) -> out.put(name + "Permission"
                + apiExpansions.get(event.apiId()).permissionSuffix(), event.permission()));

        Map<String, Object> transformed = new LinkedHashMap<>();
        template.forEach((key, value) -> {
            if (!key.equals("Transform") && !key.equals("Globals")) {
                transformed.put(key, key.equals("Resources") ? out : Nodes.copy(value));
            }
        });
        return transformed;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object resource) {
        return (Map<String, Object>) resource;
    }
}
