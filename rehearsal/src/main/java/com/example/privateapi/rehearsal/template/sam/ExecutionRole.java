package com.example.privateapi.rehearsal.template.sam;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The execution role SAM generates for a function without {@code Role} ("AWS::Serverless::Function", AWS SAM
 * Developer Guide, generated resources): it trusts Lambda, carries {@code AWSLambdaBasicExecutionRole}, the X-Ray
 * write policy when {@code Tracing} is set and not {@code Disabled}, the VPC access policy when {@code VpcConfig} is
 * given (whatever it resolves to), then the function's {@code Policies}: managed policy names or ARNs, policy
 * documents ({@code <Function>RolePolicy<i>}) and policy templates; and its {@code PermissionsBoundary}.
 */
final class ExecutionRole {

    private ExecutionRole() {
    }

    static Map<String, Object> build(String functionId, Map<String, Object> props, Map<String, Object> parameters) {
        String roleId = functionId + "Role";
        List<Object> managed = new ArrayList<>();
        managed.add(AwsManagedPolicies.arn("service-role/AWSLambdaBasicExecutionRole"));
        Object tracing = props.get("Tracing");
        if (Nodes.truthy(tracing) && !"Disabled".equals(Nodes.resolveParameterRefs(tracing, parameters))) {
            managed.add(AwsManagedPolicies.arn("AWSXrayWriteOnlyAccess"));
        }
        if (Nodes.truthy(props.get("VpcConfig"))) {
            managed.add(AwsManagedPolicies.arn("service-role/AWSLambdaVPCAccessExecutionRole"));
        }
        List<Object> inline = new ArrayList<>();
        Object declared = props.get("Policies");
        List<?> items = declared == null ? List.of() : declared instanceof List<?> l ? l : List.of(declared);
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            String where = "Resources." + functionId + ".Properties.Policies[" + i + "]";
            if (item instanceof String name) {
                Object arn = name.startsWith("arn:") ? name : AwsManagedPolicies.arnOf(name).orElseThrow(() ->
                        new TransformException(where + ": managed policy " + name + " is not known to the rehearsal"));
                if (!managed.contains(arn)) {
                    managed.add(arn);
                }
            } else if (item instanceof Map<?, ?> map && map.containsKey("Statement")) {
                inline.add(Map.of("PolicyName", roleId + "Policy" + i, "PolicyDocument", Nodes.copy(map)));
            } else if (item instanceof Map<?, ?> map && map.size() == 1 && !Nodes.isIntrinsic(map)) {
                String template = String.valueOf(map.keySet().iterator().next());
                Map<String, Object> document = PolicyTemplates.expand(template, map.get(template), where);
                if (document == null) {
                    throw new TransformException(where + ": SAM policy template " + template + " is not supported by "
                            + "the rehearsal (supported: " + PolicyTemplates.names().stream().sorted().toList() + ")");
                }
                inline.add(Map.of("PolicyName", roleId + "Policy" + i, "PolicyDocument", document));
            } else {
                throw new TransformException(where + ": not a managed policy, a policy document or a SAM policy "
                        + "template the rehearsal supports: " + item);
            }
        }
        Map<String, Object> roleProps = new LinkedHashMap<>();
        roleProps.put("AssumeRolePolicyDocument", props.containsKey("AssumeRolePolicyDocument")
                ? Nodes.copy(props.get("AssumeRolePolicyDocument")) : lambdaTrust());
        roleProps.put("ManagedPolicyArns", managed);
        if (!inline.isEmpty()) {
            roleProps.put("Policies", inline);
        }
        if (props.containsKey("PermissionsBoundary")) {
            roleProps.put("PermissionsBoundary", Nodes.copy(props.get("PermissionsBoundary")));
        }
        if (props.containsKey("RolePath")) {
            roleProps.put("Path", Nodes.copy(props.get("RolePath")));
        }
        roleProps.put("Tags", List.of(Map.of("Key", "lambda:createdBy", "Value", "SAM")));
        Map<String, Object> role = new LinkedHashMap<>();
        role.put("Type", "AWS::IAM::Role");
        role.put("Properties", roleProps);
        return role;
    }

    private static Map<String, Object> lambdaTrust() {
        return Map.of("Version", "2012-10-17", "Statement", List.of(Map.of("Action", List.of("sts:AssumeRole"),
                "Effect", "Allow", "Principal", Map.of("Service", List.of("lambda.amazonaws.com")))));
    }
}
