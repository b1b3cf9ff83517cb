package com.example.privateapi.rehearsal.local;

import com.example.privateapi.iam.PolicyKind;
import com.example.privateapi.rehearsal.template.DeployTarget;
import com.example.privateapi.rehearsal.template.DeployedStack;
import com.example.privateapi.rehearsal.template.TemplateReader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The policies of the project's templates, parsed once when a stack is applied: a malformed one fails the deploy
 * naming the stack, the resource and the policy, as CloudFormation fails the resource ("Invalid principal in
 * policy"), before any request.
 */
class StackPoliciesTest {

    static final Path BACKEND = Path.of("..", "api-backend", "vpc-api-backend.yaml");
    static final DeployTarget PROVIDER = new DeployTarget("222222222222", "us-east-1", "private-api-backend");

    final TemplateReader reader = new TemplateReader();

    @Test
    void theTemplatesPoliciesParseAndTheResourcePolicyIsHeldAsApiGatewaySavesIt() {
        DeployedStack stack = reader.deploy(BACKEND, Map.of("pDynamoDBPrefixListId", "pl-0123abcd",
                "pAllowedVPCEndpoints", "vpce-0123456789abcdef0"),
                PROVIDER);
        StackPolicies policies = StackPolicies.of(stack, "us-east-1", "222222222222");
        String apiId = stack.outputs().get("APIGatewayID");
        var resourcePolicy = policies.apiPolicies().get(apiId);
        assertEquals(PolicyKind.RESOURCE, resourcePolicy.kind());
        assertEquals("resource policy of API " + apiId, resourcePolicy.name());
        assertFalse(resourcePolicy.document().contains("\"execute-api:/"), resourcePolicy.document());
        assertTrue(resourcePolicy.document().contains("arn:aws:execute-api:us-east-1:222222222222:" + apiId
                + "/Prod/GET/*"), resourcePolicy.document());
        String accessRole = stack.outputs().get("APIAccessRole");
        assertEquals(PolicyKind.TRUST, policies.trustPolicies().get(accessRole).kind());
        assertTrue(policies.rolePolicies().get(accessRole).stream().allMatch(p -> p.kind() == PolicyKind.IDENTITY));
        assertEquals(stack.roles().size(), policies.trustPolicies().size());
    }

    @Test
    void anInvalidTrustedPrincipalFailsTheDeployNamingTheResourceAndThePolicy() {
        DeployedStack stack = reader.deploy(BACKEND, Map.of("pDynamoDBPrefixListId", "pl-0123abcd",
                "pTrustedPrincipals", "nobody-at-all"), PROVIDER);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> StackPolicies.of(stack, "us-east-1", "222222222222"));
        assertTrue(e.getMessage().startsWith("stack private-api-backend failed to deploy: resource "), e.getMessage());
        assertTrue(e.getMessage().contains("APIAccessRole"), e.getMessage());
        assertTrue(e.getMessage().contains(": policy \"trust policy of role "), e.getMessage());
        assertTrue(e.getMessage().contains("Invalid principal in policy: \"AWS\":\"nobody-at-all\""), e.getMessage());
    }

    @Test
    void anInvalidAccessListEntryFailsTheDeployOnTheApisResourcePolicy() {
        DeployedStack stack = reader.deploy(BACKEND, Map.of("pDynamoDBPrefixListId", "pl-0123abcd",
                "pAPIAccessList", "arn:aws:iam::111111111111:role/*"),
                PROVIDER);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> StackPolicies.of(stack, "us-east-1", "222222222222"));
        assertTrue(e.getMessage().contains(": policy \"resource policy of API " + stack.outputs().get("APIGatewayID")
                + "\" statement #1: Invalid principal in policy: \"AWS\":\"arn:aws:iam::111111111111:role/*\""),
                e.getMessage());
    }
}
