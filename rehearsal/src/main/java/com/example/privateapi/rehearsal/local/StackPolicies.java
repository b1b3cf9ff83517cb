package com.example.privateapi.rehearsal.local;

import com.example.privateapi.iam.NamedPolicy;
import com.example.privateapi.iam.Policy;
import com.example.privateapi.iam.PolicyException;
import com.example.privateapi.iam.PolicyKind;
import com.example.privateapi.iam.apigateway.ResourcePolicyShorthand;
import com.example.privateapi.rehearsal.template.DeployedStack;
import com.example.privateapi.rehearsal.template.Model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every policy of a deployed stack, parsed and checked before anything of the stack is applied: a malformed policy
 * fails the deploy naming the stack, the resource and the policy (as CloudFormation fails the resource), and never
 * the first request. API resource policies are held as API Gateway saves them, the {@code execute-api:/} shorthand
 * expanded.
 *
 * @param trustPolicies    role ARN to its trust policy
 * @param rolePolicies     role ARN to its identity policies
 * @param apiPolicies      REST API id to its resource policy (APIs without one are absent)
 * @param endpointPolicies VPC endpoint id to its policy (endpoints with the default policy are absent)
 * @param functionPolicies a function's unqualified ARN to the resource policy its permissions make (functions
 *                         without permissions are absent)
 */
record StackPolicies(Map<String, Policy> trustPolicies, Map<String, List<Policy>> rolePolicies,
                     Map<String, Policy> apiPolicies, Map<String, Policy> endpointPolicies,
                     Map<String, Policy> functionPolicies) {

    StackPolicies {
        trustPolicies = Map.copyOf(trustPolicies);
        rolePolicies = Map.copyOf(rolePolicies);
        apiPolicies = Map.copyOf(apiPolicies);
        endpointPolicies = Map.copyOf(endpointPolicies);
        functionPolicies = Map.copyOf(functionPolicies);
    }

    /** @throws IllegalStateException naming the stack, the resource and the policy that is not valid */
    static StackPolicies of(DeployedStack stack, String region, String accountId) {
        Map<String, Policy> trust = new HashMap<>();
        Map<String, List<Policy>> identity = new HashMap<>();
        for (Model.IamRole role : stack.roles()) {
            String name = role.arn().substring(role.arn().lastIndexOf('/') + 1);
            trust.put(role.arn(), parse(stack, role.logicalId(), new NamedPolicy("trust policy of role " + name,
                    role.trustPolicy()), PolicyKind.TRUST));
            List<Policy> policies = new ArrayList<>();
            for (NamedPolicy policy : role.policies()) {
                policies.add(parse(stack, role.logicalId(), policy, PolicyKind.IDENTITY));
            }
            identity.put(role.arn(), policies);
        }
        Map<String, Policy> apis = new HashMap<>();
        for (Model.RestApi api : stack.apis()) {
            if (api.resourcePolicy() != null) {
                String saved = ResourcePolicyShorthand.expand(api.resourcePolicy(), region, accountId, api.id());
                apis.put(api.id(), parse(stack, api.logicalId(), new NamedPolicy("resource policy of API "
                        + api.id(), saved), PolicyKind.RESOURCE));
            }
        }
        Map<String, Policy> endpoints = new HashMap<>();
        for (Model.VpcEndpoint endpoint : stack.vpcEndpoints()) {
            if (endpoint.policy() != null) {
                endpoints.put(endpoint.id(), parse(stack, endpoint.logicalId(), new NamedPolicy(
                        "endpoint policy of " + endpoint.id(), endpoint.policy()), PolicyKind.ENDPOINT));
            }
        }
        Map<String, Policy> functions = new HashMap<>();
        LambdaPermissions.policies(stack.resources().permissions()).forEach((function, policy) -> {
            // The function's permissions (AWS::Lambda::Permission) make its policy: name them.
            String permissions = String.join(", ", stack.resources().permissions().stream()
                    .filter(p -> p.functionArn().startsWith(function)).map(Model.LambdaPermission::logicalId)
                    .toList());
            functions.put(function, parse(stack, permissions, policy, PolicyKind.RESOURCE));
        });
        return new StackPolicies(trust, identity, apis, endpoints, functions);
    }

    private static Policy parse(DeployedStack stack, String logicalId, NamedPolicy policy, PolicyKind kind) {
        try {
            return Policy.parse(policy, kind);
        } catch (PolicyException e) {
            throw new IllegalStateException("stack " + stack.stackName() + " failed to deploy: resource " + logicalId
                    + ": " + e.getMessage());
        }
    }
}
