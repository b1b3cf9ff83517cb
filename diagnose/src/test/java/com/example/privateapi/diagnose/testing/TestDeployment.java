package com.example.privateapi.diagnose.testing;

import com.example.privateapi.diagnose.model.AccessLog;
import com.example.privateapi.diagnose.model.ApiView;
import com.example.privateapi.diagnose.model.ClientKind;
import com.example.privateapi.diagnose.model.ClientView;
import com.example.privateapi.diagnose.model.ConsumerView;
import com.example.privateapi.diagnose.model.Deployment;
import com.example.privateapi.diagnose.model.EndpointView;
import com.example.privateapi.diagnose.model.FunctionView;
import com.example.privateapi.diagnose.model.PolicyChange;
import com.example.privateapi.diagnose.model.ProviderView;
import com.example.privateapi.diagnose.model.Read;
import com.example.privateapi.diagnose.model.RoleView;
import com.example.privateapi.diagnose.model.SecurityGroupView;
import com.example.privateapi.diagnose.model.Side;
import com.example.privateapi.diagnose.model.StackView;
import com.example.privateapi.diagnose.model.StageView;
import com.example.privateapi.diagnose.model.SubnetView;
import com.example.privateapi.iam.NamedPolicy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A deployment as the readers would report it, in memory, with AWS's own forms of names (which moto does not
 * give): a working one by default; tests change a field to break one hand-off.
 */
public final class TestDeployment {

    public static final String CONSUMER = "111111111111";
    public static final String PROVIDER = "222222222222";
    public static final String REGION = "us-east-1";
    public static final String API = "abc123defg";
    public static final String ENDPOINT = "vpce-0123456789abcdef0";
    public static final String HOST = API + ".execute-api." + REGION + ".amazonaws.com";
    public static final String ACCESS_ROLE = "arn:aws:iam::" + PROVIDER + ":role/private-api-backend-APIAccessRole-1";
    public static final String DIRECT_ROLE = "arn:aws:iam::" + CONSUMER + ":role/private-api-client-DirectRole-1";
    public static final String ASSUME_ROLE = "arn:aws:iam::" + CONSUMER + ":role/private-api-client-AssumeRole-1";

    public String apiPolicy = "{\"Version\":\"2012-10-17\",\"Statement\":["
            + "{\"Sid\":\"AllowApiAccessRole\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + ACCESS_ROLE + "\"},"
            + "\"Action\":\"execute-api:Invoke\",\"Resource\":\"execute-api:/Prod/GET/*\"},"
            + "{\"Sid\":\"AllowListedPrincipals\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":[\"" + DIRECT_ROLE
            + "\"]},\"Action\":\"execute-api:Invoke\",\"Resource\":\"execute-api:/Prod/GET/*\"},"
            + "{\"Sid\":\"DenyOutsideAllowedEndpoints\",\"Effect\":\"Deny\",\"Principal\":\"*\","
            + "\"Action\":\"execute-api:Invoke\",\"Resource\":\"execute-api:/*\",\"Condition\":{\"StringNotEquals\":"
            + "{\"aws:SourceVpce\":[\"" + ENDPOINT + "\"]}}}]}";
    public String endpointPolicy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"InvokeTheProviderApiStageOnly\","
            + "\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"execute-api:Invoke\",\"Resource\":"
            + "\"arn:aws:execute-api:" + REGION + ":" + PROVIDER + ":" + API + "/Prod/*\"}]}";
    public boolean privateDns = true;
    public List<String> endpointNames = new ArrayList<>(List.of(
            ENDPOINT + "-4mn1kr2v.execute-api." + REGION + ".vpce.amazonaws.com",
            ENDPOINT + "-4mn1kr2v-us-east-1a.execute-api." + REGION + ".vpce.amazonaws.com",
            HOST));
    public Map<String, String> directEnv = new LinkedHashMap<>();
    public Map<String, String> assumeEnv = new LinkedHashMap<>();
    public Map<String, SecurityGroupView> groups = new LinkedHashMap<>();
    public Map<String, SubnetView> subnets = new LinkedHashMap<>();
    public List<EndpointView> stsEndpoints = new ArrayList<>();
    public List<String> functionSubnets = new ArrayList<>(List.of("subnet-a"));
    public List<String> functionGroups = new ArrayList<>(List.of("sg-client"));
    public List<String> endpointGroups = new ArrayList<>(List.of("sg-endpoint"));
    public Map<String, String> consumerParameters = new LinkedHashMap<>(Map.of("pAPIHost", HOST, "pAPIPrefix", "/Prod",
            "pAPIAccountID", PROVIDER, "pAPIRoleARN", ACCESS_ROLE, "pEnablePrivateDNS", "True"));
    public Map<String, String> providerParameters = new LinkedHashMap<>(Map.of("pTrustedPrincipals", CONSUMER,
            "pAPIAccessList", DIRECT_ROLE, "pAllowedVPCEndpoints", ENDPOINT, "pAPIStageName", "Prod"));

    public TestDeployment() {
        directEnv.put("API_HOST", HOST);
        directEnv.put("API_PREFIX", "/Prod");
        directEnv.put("VPCE_DNS_NAMES", "Z7HUB22UULQXV:" + endpointNames.get(0) + ",Z7HUB22UULQXV:"
                + endpointNames.get(1));
        directEnv.put("PRIVATE_DNS_ENABLED", "True");
        assumeEnv.putAll(directEnv);
        assumeEnv.put("ROLE_TO_ASSUME", ACCESS_ROLE);
        subnets.put("subnet-a", new SubnetView("subnet-a", "vpc-1", "10.20.0.0/24"));
        subnets.put("subnet-e", new SubnetView("subnet-e", "vpc-1", "10.20.1.0/24"));
        SecurityGroupView.Rule https = rule("tcp", 443, 443, List.of("sg-endpoint"), List.of());
        groups.put("sg-client", new SecurityGroupView("sg-client", "vpc-1", List.of(),
                List.of(rule("icmp", -1, -1, List.of(), List.of("127.0.0.1/32")), https)));
        groups.put("sg-endpoint", new SecurityGroupView("sg-endpoint", "vpc-1",
                List.of(rule("tcp", 443, 443, List.of("sg-client"), List.of())), List.of()));
        stsEndpoints.add(new EndpointView("vpce-0sts", "vpc-1", "com.amazonaws." + REGION + ".sts", "available", null,
                true, List.of(), List.of("sg-endpoint"), List.of("subnet-e")));
    }

    public static SecurityGroupView.Rule rule(String protocol, Integer from, Integer to, List<String> groups,
                                              List<String> cidrs) {
        return new SecurityGroupView.Rule(protocol, from, to, groups, cidrs, List.of());
    }

    private static NamedPolicy identity(String name, String action, String resource) {
        return new NamedPolicy(name, "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\""
                + action + "\",\"Resource\":\"" + resource + "\"}]}");
    }

    public Deployment build() {
        Side consumerSide = new Side("consumer", "consumer", REGION, "private-api-client");
        Side providerSide = new Side("provider", "provider", REGION, "private-api-backend");
        Instant now = Instant.parse("2025-06-01T12:00:00Z");
        StackView consumerStack = new StackView("private-api-client", "UPDATE_COMPLETE", consumerParameters,
                Map.of("APIGatewayEndpointID", ENDPOINT, "DirectAuthClientRole", DIRECT_ROLE,
                        "DirectAuthClientFunctionName", "private-api-client-direct-client",
                        "AssumeRoleClientFunctionName", "private-api-client-assume-role-client"), now, now);
        RoleView directRole = new RoleView(DIRECT_ROLE, "private-api-client-DirectRole-1", "AROADIRECT", "{}",
                List.of(identity("role private-api-client-DirectRole-1 inline Invoke", "execute-api:Invoke",
                        "arn:aws:execute-api:" + REGION + ":" + PROVIDER + ":" + API + "/Prod/GET/*")));
        RoleView assumeRole = new RoleView(ASSUME_ROLE, "private-api-client-AssumeRole-1", "AROAASSUME", "{}",
                List.of(identity("role private-api-client-AssumeRole-1 inline Assume", "sts:AssumeRole",
                        ACCESS_ROLE)));
        ClientView direct = new ClientView(ClientKind.DIRECT, "private-api-client-direct-client", false,
                Read.ok(new FunctionView("private-api-client-direct-client", "private-api-client-direct-client",
                        DIRECT_ROLE, directEnv, functionSubnets, functionGroups)), Read.ok(directRole));
        ClientView assume = new ClientView(ClientKind.ASSUME_ROLE, "private-api-client-assume-role-client", false,
                Read.ok(new FunctionView("private-api-client-assume-role-client",
                        "private-api-client-assume-role-client", ASSUME_ROLE, assumeEnv, functionSubnets,
                        functionGroups)), Read.ok(assumeRole));
        EndpointView endpoint = new EndpointView(ENDPOINT, "vpc-1", "com.amazonaws." + REGION + ".execute-api",
                "available", endpointPolicy, privateDns, endpointNames, endpointGroups, List.of("subnet-e"));
        ConsumerView consumer = new ConsumerView(consumerSide, Read.ok(CONSUMER), Read.ok(consumerStack),
                List.of(direct, assume), Read.ok(endpoint), Read.ok(groups), Read.ok(subnets), Read.ok(stsEndpoints));

        StackView providerStack = new StackView("private-api-backend", "UPDATE_COMPLETE", providerParameters,
                Map.of("APIGatewayID", API, "APIGatewayFQDN", HOST, "APIAccessRole", ACCESS_ROLE,
                        "APIStageName", "Prod"), now, now);
        RoleView accessRole = new RoleView(ACCESS_ROLE, "private-api-backend-APIAccessRole-1", "AROAACCESS",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"TrustedConsumers\",\"Effect\":\"Allow\","
                        + "\"Principal\":{\"AWS\":[\"" + CONSUMER + "\"]},\"Action\":\"sts:AssumeRole\"}]}",
                List.of(identity("role private-api-backend-APIAccessRole-1 inline InvokePrivateApi",
                        "execute-api:Invoke", "arn:aws:execute-api:" + REGION + ":" + PROVIDER + ":*/Prod/GET/*")));
        ProviderView provider = new ProviderView(providerSide, Read.ok(PROVIDER), Read.ok(providerStack),
                Read.ok(new ApiView(API, "private-api-backend-private-api", apiPolicy)),
                Read.ok(List.of(new StageView("Prod", "dep1", now.plusSeconds(60), null))),
                Read.ok(new PolicyChange(now, "stack private-api-backend last updated")),
                Map.of(ACCESS_ROLE, Read.ok(accessRole)),
                Read.ok(new AccessLog("/aws/apigateway/private-api-backend-access", Duration.ofHours(24), List.of())));
        return new Deployment(consumer, provider);
    }
}
