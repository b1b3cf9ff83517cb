package com.example.privateapi.rehearsal.template;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The project's own templates, deployed in deploy-all.sh's order. */
class ProjectTemplatesTest {

    static final Path BACKEND = Path.of("..", "api-backend", "vpc-api-backend.yaml");
    static final Path CLIENT = Path.of("..", "api-client", "vpc-api-client.yaml");
    static final DeployTarget PROVIDER = new DeployTarget("222222222222", "us-east-1", "private-api-backend");
    static final DeployTarget CONSUMER = new DeployTarget("111111111111", "us-east-1", "private-api-client");

    static final Map<String, String> PREFIX_LIST = Map.of("pDynamoDBPrefixListId", "pl-0123abcd");

    final TemplateReader reader = new TemplateReader();

    @Test
    void theDeployFlowHandsEveryOutputOnAndTheModelCarriesTheTemplatesPolicies() {
        DeployedStack provider = reader.deploy(BACKEND, PREFIX_LIST, PROVIDER);
        String apiId = provider.outputs().get("APIGatewayID");
        assertTrue(apiId.matches("[a-z0-9]{10}"), apiId);
        assertEquals(apiId + ".execute-api.us-east-1.amazonaws.com", provider.outputs().get("APIGatewayFQDN"));
        assertEquals("Prod", provider.outputs().get("APIStageName"));
        String accessRole = provider.outputs().get("APIAccessRole");
        assertTrue(accessRole.startsWith("arn:aws:iam::222222222222:role/"), accessRole);

        DeployedStack consumer = reader.deploy(CLIENT, Map.of("pAPIHost", provider.outputs().get("APIGatewayFQDN"),
                "pAPIAccountID", "222222222222", "pAPIRoleARN", accessRole, "pAPIPrefix", "/Prod"), CONSUMER);
        String endpointId = consumer.outputs().get("APIGatewayEndpointID");
        String directRole = consumer.outputs().get("DirectAuthClientRole");
        assertTrue(endpointId.matches("vpce-[0-9a-f]{17}"), endpointId);
        assertTrue(consumer.outputs().containsKey("AssumeRoleClientFunctionName"));

        DeployedStack updated = reader.deploy(BACKEND, Map.of("pDynamoDBPrefixListId", "pl-0123abcd",
                "pTrustedPrincipals", "111111111111",
                "pAPIAccessList", directRole, "pAllowedVPCEndpoints", endpointId), PROVIDER);
        assertEquals(apiId, updated.outputs().get("APIGatewayID"), "an update keeps physical ids");

        Model.RestApi api = updated.apis().get(0);
        assertEquals("PRIVATE", api.endpointType());
        assertEquals(List.of("Prod"), api.stages().stream().map(Model.Stage::name).toList(),
                "OpenApiVersion keeps SAM from creating its extra stage named Stage");
        assertEquals(List.of("GET / AWS_IAM null", "GET /requests/{requestId} AWS_IAM null"),
                api.routes().stream().map(r -> r.method() + " " + r.path() + " " + r.authorization() + " "
                        + r.credentials()).sorted().toList(),
                "Auth.InvokeRole: NONE: API Gateway invokes the backend with its own permission");
        assertTrue(api.stages().get(0).accessLogFormat().contains("$context.identity.vpceId"));
        JsonArray statements = JsonParser.parseString(api.resourcePolicy()).getAsJsonObject()
                .getAsJsonArray("Statement");
        String policy = statements.toString();
        assertTrue(policy.contains(directRole), policy);
        assertTrue(policy.contains(accessRole), policy);
        assertTrue(policy.contains(endpointId), policy);
        assertTrue(policy.contains("execute-api:/Prod/GET/*"), policy);

        Model.IamRole access = updated.roles().stream().filter(r -> r.arn().equals(accessRole)).findFirst()
                .orElseThrow();
        assertTrue(access.trustPolicy().contains("111111111111"), access.trustPolicy());
        assertEquals(1, access.maxSessionDuration().toHours());
        assertTrue(access.policies().get(0).document().contains("execute-api:Invoke"));

        Model.VpcEndpoint endpoint = consumer.vpcEndpoints().stream()
                .filter(e -> e.serviceName().endsWith("execute-api")).findFirst().orElseThrow();
        assertTrue(endpoint.policy().contains("arn:aws:execute-api:us-east-1:222222222222:" + apiId + "/Prod/*"),
                endpoint.policy());
        assertTrue(endpoint.privateDnsEnabled());
        assertTrue(endpoint.vpcId().startsWith("vpc-"));

        Model.LambdaFunction assume = consumer.functions().stream()
                .filter(f -> f.handler().contains("AssumeRoleHandler")).findFirst().orElseThrow();
        assertEquals(accessRole, assume.environment().get("ROLE_TO_ASSUME"));
        assertEquals(provider.outputs().get("APIGatewayFQDN"), assume.environment().get("API_HOST"));
        assertTrue(assume.environment().get("VPCE_DNS_NAMES").contains(endpointId + "-"));
        assertTrue(assume.codePath().endsWith(Path.of("api-client", "target", "api-client.jar")),
                assume.codePath().toString());
        assertTrue(assume.inVpc());
        assertEquals("java21", assume.runtime());

        Model.IamRole directRoleModel = consumer.roles().stream().filter(r -> r.arn().equals(directRole)).findFirst()
                .orElseThrow();
        assertTrue(directRoleModel.trustPolicy().contains("lambda.amazonaws.com"));
        assertTrue(directRoleModel.policies().stream().anyMatch(p -> p.document().contains("execute-api:Invoke")));

        Model.DynamoTable table = updated.tables().get(0);
        assertEquals(Map.of("id", "HASH"), table.keySchema());
        assertEquals("expiresAt", table.ttlAttribute());
        Model.LambdaFunction backend = updated.functions().get(0);
        assertEquals(table.name(), backend.environment().get("TABLE_NAME"));
        assertEquals(updated.outputs().get("RequestsTableName"), table.name());
    }

    /**
     * "AWS::EC2::SecurityGroup" (CloudFormation Template Reference): a group that declares no egress rule keeps EC2's
     * default rule allowing all traffic out; rules added as separate resources do not remove it. The client group
     * declares a placeholder so that only the endpoints' rules let traffic out; the backend's allows HTTPS to
     * DynamoDB's prefix list only.
     */
    @Test
    void securityGroupsLetOutOnlyWhatTheirRulesName() {
        DeployedStack provider = reader.deploy(BACKEND, Map.of("pDynamoDBPrefixListId", "pl-0123abcd"), PROVIDER);
        Model.SecurityGroup backend = provider.resources().securityGroups().stream()
                .filter(g -> g.logicalId().equals("BackendSecurityGroup")).findFirst().orElseThrow();
        assertEquals(List.of("tcp 443-443 pl-0123abcd"), backend.egress().stream()
                .map(r -> r.protocol() + " " + r.fromPort() + "-" + r.toPort() + " " + r.peer()).toList());
        DeployedStack consumer = reader.deploy(CLIENT, Map.of("pAPIHost", "abc123defg.execute-api.us-east-1.amazonaws.com",
                "pCreateSTSEndpoint", "No"), CONSUMER);
        Map<String, Model.SecurityGroup> groups = new LinkedHashMap<>();
        consumer.resources().securityGroups().forEach(g -> groups.put(g.logicalId(), g));
        String endpointGroup = groups.get("EndpointSecurityGroup").id();
        assertEquals(List.of("icmp 127.0.0.1/32", "tcp " + endpointGroup, "tcp 0.0.0.0/0"),
                groups.get("ClientSecurityGroup").egress().stream().map(r -> r.protocol() + " " + r.peer()).toList());
    }

    @Test
    void aBackendInAVpcNeedsDynamoDbsPrefixList() {
        TemplateException e = assertThrows(TemplateException.class, () -> reader.deploy(
                Path.of("..", "api-backend", "api-backend.yaml"), Map.of("pVPCID", "vpc-0123456789abcdef0",
                        "pLambdaSubnetIDs", "subnet-0123456789abcdef0"), PROVIDER));
        assertTrue(e.getMessage().startsWith("api-backend.yaml: Rules.PrefixListWithVPC: pDynamoDBPrefixListId is "
                + "required with pVPCID"), e.getMessage());
    }

    @Test
    void withoutARoleToAssumeThereIsNoAssumeRoleClientNorItsOutput() {
        DeployedStack consumer = reader.deploy(CLIENT, Map.of("pAPIHost", "abc123defg.execute-api.us-east-1.amazonaws.com"),
                CONSUMER);
        assertFalse(consumer.outputs().containsKey("AssumeRoleClientFunctionName"));
        assertEquals(1, consumer.functions().size());
    }

    @Test
    void theDefaultResourcePolicyDeniesEveryEndpoint() {
        DeployedStack provider = reader.deploy(BACKEND, PREFIX_LIST, PROVIDER);
        JsonObject deny = JsonParser.parseString(provider.apis().get(0).resourcePolicy()).getAsJsonObject()
                .getAsJsonArray("Statement").asList().stream().map(e -> e.getAsJsonObject())
                .filter(s -> s.get("Effect").getAsString().equals("Deny")).findFirst().orElseThrow();
        assertEquals("[\"None\"]", deny.getAsJsonObject("Condition").getAsJsonObject("StringNotEquals")
                .get("aws:SourceVpce").toString());
    }

    @Test
    void aBadParameterIsRefusedWithCloudFormationsWords() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("pAPIHost", "not-a-host");
        TemplateException e = assertThrows(TemplateException.class, () -> reader.deploy(CLIENT, params, CONSUMER));
        assertTrue(e.getMessage().startsWith("vpc-api-client.yaml: Parameter 'pAPIHost' failed to satisfy constraint"),
                e.getMessage());
        TemplateException unknown = assertThrows(TemplateException.class,
                () -> reader.deploy(BACKEND, Map.of("pNope", "1", "pDynamoDBPrefixListId", "pl-0123abcd"), PROVIDER));
        assertEquals("vpc-api-backend.yaml: Parameters: [pNope] do not exist in the template", unknown.getMessage());
    }
}
