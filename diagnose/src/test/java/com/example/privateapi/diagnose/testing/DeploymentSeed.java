package com.example.privateapi.diagnose.testing;

import com.example.privateapi.diagnose.aws.AccountAccess;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.EndpointType;
import software.amazon.awssdk.services.apigateway.model.Op;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;
import software.amazon.awssdk.services.ec2.model.VpcEndpointType;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Creates in moto what deploy-all.sh leaves in the two accounts: the stacks with the templates' parameters and
 * outputs (from small plain templates, since moto does not run SAM's transform), the private API with its resource
 * policy, stage, deployment and access log, the access role, the consumer's VPC, security groups, execute-api and
 * STS endpoints, the two client functions with the environment and roles the templates give them.
 *
 * <p>Each field is one hand-off; a test changes one to break the deployment the way a user would.
 */
public final class DeploymentSeed {

    public static final String CONSUMER = "111111111111";
    public static final String PROVIDER = "222222222222";
    public static final String REGION = "us-east-1";
    public static final String BACKEND_STACK = "private-api-backend";
    public static final String CLIENT_STACK = "private-api-client";
    public static final String STAGE = "Prod";

    // --- the hand-offs a test may break -------------------------------------------------------------------------
    /** API_PREFIX of both functions and pAPIPrefix of the consumer stack. */
    public String apiPrefix = "/" + STAGE;
    /** pAllowedVPCEndpoints; null: the consumer's endpoint. */
    public String allowedEndpoints;
    /** pAPIAccessList; null: the direct client's role. */
    public String accessList;
    /** pTrustedPrincipals; null: the consumer account. */
    public String trustedPrincipals;
    /** ROLE_TO_ASSUME and pAPIRoleARN; null: the provider's access role. */
    public String roleToAssume;
    /** pAPIAccountID of the consumer stack (the endpoint policy's account): the provider, or Local. */
    public String apiAccountParameter = PROVIDER;
    /** Private DNS of the execute-api endpoint. */
    public boolean endpointPrivateDns = true;
    /** The endpoint group's rule that lets HTTPS in from the functions. */
    public boolean endpointIngress = true;
    /** The STS endpoint; without it, the egress rule to anywhere the template adds instead (ClientToStsEgress). */
    public boolean stsEndpoint = true;
    public boolean stsEgressRule = true;
    /** Delete the execute-api endpoint after the stack points at it. */
    public boolean deleteEndpoint;
    /** Deploy the stage before the provider stack's last change (the redeploy deploy-all.sh does is missing). */
    public boolean deployBeforePolicyChange;
    /** Access-log lines to write, as JSON in the template's format. */
    public List<String> accessLogLines = new ArrayList<>();

    // --- what the seed created ----------------------------------------------------------------------------------
    public String apiId;
    public String endpointId;
    public String stsEndpointId;
    public String clientGroup;
    public String endpointGroup;
    public String accessRoleArn;
    public String directRoleArn;
    public String assumeClientRoleArn;
    public String directFunction;
    public String assumeFunction;
    public String logGroup;

    private final URI endpoint;
    /** The consumer's account: moto maps credentials it did not issue to its default account, 123456789012. */
    public final String consumerAccount;

    public DeploymentSeed(URI endpoint) {
        this(endpoint, CONSUMER);
    }

    public DeploymentSeed(URI endpoint, String consumerAccount) {
        this.endpoint = endpoint;
        this.consumerAccount = consumerAccount;
    }

    /** Credentials of a session in {@code account}, which moto maps to that account. */
    public StaticCredentialsProvider credentials(String account) {
        try (StsClient sts = local(StsClient.builder(), StaticCredentialsProvider.create(
                AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "seed"))).build()) {
            Credentials c = sts.assumeRole(r -> r.roleArn("arn:aws:iam::" + account + ":role/admin")
                    .roleSessionName("seed")).credentials();
            return StaticCredentialsProvider.create(AwsSessionCredentials.create(c.accessKeyId(),
                    c.secretAccessKey(), c.sessionToken()));
        }
    }

    public AccountAccess access(String profile, String account) {
        return new AccountAccess(profile, REGION, credentials(account), Map.of("*", endpoint));
    }

    public DeploymentSeed seed() throws InterruptedException {
        StaticCredentialsProvider provider = credentials(PROVIDER);
        StaticCredentialsProvider consumer = credentials(consumerAccount);
        try (IamClient providerIam = iam(provider);
             ApiGatewayClient apigw = local(ApiGatewayClient.builder(), provider).build();
             CloudWatchLogsClient logs = local(CloudWatchLogsClient.builder(), provider).build();
             CloudFormationClient providerCfn = local(CloudFormationClient.builder(), provider).build();
             CloudFormationClient consumerCfn = local(CloudFormationClient.builder(), consumer).build();
             IamClient consumerIam = iam(consumer);
             Ec2Client ec2 = local(Ec2Client.builder(), consumer).build();
             LambdaClient lambda = local(LambdaClient.builder(), consumer).build()) {
            seedProviderFirst(providerIam, apigw);
            seedConsumer(consumerIam, ec2, lambda, consumerCfn);
            seedProviderUpdate(providerIam, apigw, logs, providerCfn);
        }
        return this;
    }

    /** Step 1 of deploy-all.sh: the provider's API and access role. */
    private void seedProviderFirst(IamClient iam, ApiGatewayClient apigw) {
        accessRoleArn = iam.createRole(r -> r.roleName("private-api-backend-APIAccessRole-1XQ2")
                .assumeRolePolicyDocument(policy(statement("TrustedConsumers", "Allow",
                        "{\"AWS\":\"arn:aws:iam::" + PROVIDER + ":root\"}", "sts:AssumeRole", null, null)))
                .maxSessionDuration(3600)).role().arn();
        iam.putRolePolicy(r -> r.roleName("private-api-backend-APIAccessRole-1XQ2").policyName("InvokePrivateApi")
                .policyDocument(identity("InvokeThisApiStage", "execute-api:Invoke",
                        "arn:aws:execute-api:" + REGION + ":" + PROVIDER + ":*/" + STAGE + "/GET/*")));
        apiId = apigw.createRestApi(r -> r.name("private-api-backend-private-api")
                .endpointConfiguration(e -> e.types(EndpointType.PRIVATE))).id();
        String root = apigw.getResources(r -> r.restApiId(apiId)).items().get(0).id();
        apigw.putMethod(r -> r.restApiId(apiId).resourceId(root).httpMethod("GET").authorizationType("AWS_IAM"));
        apigw.putIntegration(r -> r.restApiId(apiId).resourceId(root).httpMethod("GET").type("MOCK"));
    }

    /** Step 2: the consumer stack, from the provider's outputs. */
    private void seedConsumer(IamClient iam, Ec2Client ec2, LambdaClient lambda, CloudFormationClient cfn) {
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.20.0.0/16")).vpc().vpcId();
        String subnetA = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.20.0.0/24").availabilityZone("us-east-1a"))
                .subnet().subnetId();
        String subnetB = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.20.1.0/24").availabilityZone("us-east-1b"))
                .subnet().subnetId();
        clientGroup = ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName("ClientSecurityGroup")
                .description("Client functions; HTTPS out to the VPC endpoints only")).groupId();
        endpointGroup = ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName("EndpointSecurityGroup")
                .description("VPC endpoints; HTTPS in from the client functions")).groupId();
        IpPermission https = IpPermission.builder().ipProtocol("tcp").fromPort(443).toPort(443).build();
        if (endpointIngress) {
            ec2.authorizeSecurityGroupIngress(r -> r.groupId(endpointGroup).ipPermissions(https.toBuilder()
                    .userIdGroupPairs(UserIdGroupPair.builder().groupId(clientGroup).build()).build()));
        }
        // CloudFormation, "AWS::EC2::SecurityGroup": a group declared with egress rules does not get EC2's allow-all
        // rule; both groups of the template declare an ICMP placeholder for that reason.
        IpPermission placeholder = IpPermission.builder().ipProtocol("icmp").fromPort(-1).toPort(-1)
                .ipRanges(ip -> ip.cidrIp("127.0.0.1/32")).build();
        for (String group : List.of(clientGroup, endpointGroup)) {
            ec2.revokeSecurityGroupEgress(r -> r.groupId(group).ipPermissions(IpPermission.builder()
                    .ipProtocol("-1").ipRanges(ip -> ip.cidrIp("0.0.0.0/0")).build()));
            ec2.authorizeSecurityGroupEgress(r -> r.groupId(group).ipPermissions(placeholder));
        }
        ec2.authorizeSecurityGroupEgress(r -> r.groupId(clientGroup).ipPermissions(https.toBuilder()
                .userIdGroupPairs(UserIdGroupPair.builder().groupId(endpointGroup).build()).build()));
        if (!stsEndpoint && stsEgressRule) {
            ec2.authorizeSecurityGroupEgress(r -> r.groupId(clientGroup).ipPermissions(https.toBuilder()
                    .ipRanges(ip -> ip.cidrIp("0.0.0.0/0")).build()));
        }

        String policyAccount = "Local".equals(apiAccountParameter) ? consumerAccount : apiAccountParameter;
        String stage = apiPrefix.substring(1);
        VpcEndpoint api = ec2.createVpcEndpoint(r -> r.vpcId(vpc).vpcEndpointType(VpcEndpointType.INTERFACE)
                .serviceName("com.amazonaws." + REGION + ".execute-api").subnetIds(subnetA, subnetB)
                .securityGroupIds(endpointGroup).privateDnsEnabled(endpointPrivateDns)
                .policyDocument(policy(statement("InvokeTheProviderApiStageOnly", "Allow", "\"*\"",
                        "execute-api:Invoke", "arn:aws:execute-api:" + REGION + ":" + policyAccount + ":" + apiId
                                + "/" + stage + "/*", null)))).vpcEndpoint();
        endpointId = api.vpcEndpointId();
        if (stsEndpoint) {
            stsEndpointId = ec2.createVpcEndpoint(r -> r.vpcId(vpc).vpcEndpointType(VpcEndpointType.INTERFACE)
                    .serviceName("com.amazonaws." + REGION + ".sts").subnetIds(subnetA, subnetB)
                    .securityGroupIds(endpointGroup).privateDnsEnabled(true)).vpcEndpoint().vpcEndpointId();
        }
        String dnsNames = api.dnsEntries().stream().map(e -> e.hostedZoneId() + ":" + e.dnsName())
                .collect(Collectors.joining(","));

        String lambdaTrust = policy(statement(null, "Allow", "{\"Service\":\"lambda.amazonaws.com\"}",
                "sts:AssumeRole", null, null));
        String vpcAccess = iam.createPolicy(r -> r.policyName("private-api-client-LambdaVpcAccess")
                .policyDocument(identity("NetworkInterfaces", "ec2:CreateNetworkInterface", "*"))).policy().arn();
        directRoleArn = iam.createRole(r -> r.roleName("private-api-client-DirectAuthClientFunctionRole-7Y")
                .assumeRolePolicyDocument(lambdaTrust)).role().arn();
        iam.putRolePolicy(r -> r.roleName("private-api-client-DirectAuthClientFunctionRole-7Y")
                .policyName("DirectAuthClientFunctionRolePolicy0").policyDocument(identity("InvokeTheProviderApiStage",
                        "execute-api:Invoke", "arn:aws:execute-api:" + REGION + ":" + policyAccount + ":" + apiId
                                + "/" + stage + "/GET/*")));
        iam.attachRolePolicy(r -> r.roleName("private-api-client-DirectAuthClientFunctionRole-7Y")
                .policyArn(vpcAccess));
        String assumeTarget = roleToAssume != null ? roleToAssume : accessRoleArn;
        assumeClientRoleArn = iam.createRole(r -> r.roleName("private-api-client-AssumeRoleClientFunctionRole-3K")
                .assumeRolePolicyDocument(lambdaTrust)).role().arn();
        iam.putRolePolicy(r -> r.roleName("private-api-client-AssumeRoleClientFunctionRole-3K")
                .policyName("AssumeRoleClientFunctionRolePolicy0").policyDocument(identity("AssumeTheProviderRole",
                        "sts:AssumeRole", assumeTarget)));
        iam.attachRolePolicy(r -> r.roleName("private-api-client-AssumeRoleClientFunctionRole-3K")
                .policyArn(vpcAccess));

        String host = apiId + ".execute-api." + REGION + ".amazonaws.com";
        Map<String, String> env = new LinkedHashMap<>();
        env.put("API_HOST", host);
        env.put("API_PREFIX", apiPrefix);
        env.put("VPCE_DNS_NAMES", dnsNames);
        env.put("API_TIMEOUT", "10");
        env.put("PRIVATE_DNS_ENABLED", "True");
        env.put("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1");
        directFunction = "private-api-client-direct-client";
        createFunction(lambda, directFunction, directRoleArn, env, subnetA, subnetB);
        Map<String, String> assumeEnv = new LinkedHashMap<>(env);
        assumeEnv.put("ROLE_TO_ASSUME", assumeTarget);
        createFunction(lambda, "private-api-client-assume-role-client", assumeClientRoleArn, assumeEnv, subnetA,
                subnetB);
        // With SnapStart the stack may name an alias: the diagnosis must read through it.
        lambda.createAlias(r -> r.functionName("private-api-client-assume-role-client").name("live")
                .functionVersion("1"));
        assumeFunction = "private-api-client-assume-role-client:live";

        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("pAPIHost", host);
        parameters.put("pAPIPrefix", apiPrefix);
        parameters.put("pAPIAccountID", apiAccountParameter);
        parameters.put("pAPIRoleARN", assumeTarget);
        parameters.put("pEnablePrivateDNS", endpointPrivateDns ? "True" : "False");
        parameters.put("pCreateSTSEndpoint", stsEndpoint ? "Yes" : "No");
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("APIGatewayEndpointID", endpointId);
        outputs.put("DirectAuthClientRole", directRoleArn);
        outputs.put("DirectAuthClientFunctionName", directFunction);
        outputs.put("AssumeRoleClientFunctionName", assumeFunction);
        outputs.put("VPCID", vpc);
        createStack(cfn, CLIENT_STACK, parameters, outputs);
        if (deleteEndpoint) {
            ec2.deleteVpcEndpoints(r -> r.vpcEndpointIds(endpointId));
        }
    }

    /** Steps 3 and 4: the provider stack updated with the consumer's outputs, then the stage redeployed. */
    private void seedProviderUpdate(IamClient iam, ApiGatewayClient apigw, CloudWatchLogsClient logs,
                                    CloudFormationClient cfn) throws InterruptedException {
        String trusted = trustedPrincipals != null ? trustedPrincipals : consumerAccount;
        String listed = accessList != null ? accessList : directRoleArn;
        String allowed = allowedEndpoints != null ? allowedEndpoints : endpointId;
        iam.updateAssumeRolePolicy(r -> r.roleName("private-api-backend-APIAccessRole-1XQ2")
                .policyDocument(policy(statement("TrustedConsumers", "Allow", "{\"AWS\":" + jsonList(trusted) + "}",
                        "sts:AssumeRole", null, null))));
        String arnPrefix = "arn:aws:execute-api:" + REGION + ":" + PROVIDER + ":" + apiId + "/";
        List<String> statements = new ArrayList<>();
        statements.add(statement("AllowApiAccessRole", "Allow", "{\"AWS\":\"" + accessRoleArn + "\"}",
                "execute-api:Invoke", arnPrefix + STAGE + "/GET/*", null));
        if (!listed.equals("None")) {
            statements.add(statement("AllowListedPrincipals", "Allow", "{\"AWS\":" + jsonList(listed) + "}",
                    "execute-api:Invoke", arnPrefix + STAGE + "/GET/*", null));
        }
        statements.add(statement("DenyOutsideAllowedEndpoints", "Deny", "\"*\"", "execute-api:Invoke",
                arnPrefix + "*", "{\"StringNotEquals\":{\"aws:SourceVpce\":" + jsonList(allowed) + "}}"));
        String resourcePolicy = policy(statements.toArray(String[]::new));
        // API Gateway hands a resource policy back with its quotes and slashes escaped once more.
        String asStored = resourcePolicy.replace("\"", "\\\"").replace("/", "\\/");
        apigw.updateRestApi(r -> r.restApiId(apiId).patchOperations(p -> p.op(Op.REPLACE).path("/policy")
                .value(asStored)));

        logGroup = "/aws/apigateway/private-api-backend-BackendStack-1ABC-access";
        logs.createLogGroup(r -> r.logGroupName(logGroup));
        logs.createLogStream(r -> r.logGroupName(logGroup).logStreamName("access"));
        if (!accessLogLines.isEmpty()) {
            long now = Instant.now().toEpochMilli();
            List<InputLogEvent> events = new ArrayList<>();
            for (int i = 0; i < accessLogLines.size(); i++) {
                events.add(InputLogEvent.builder().timestamp(now - (accessLogLines.size() - i) * 1000L)
                        .message(accessLogLines.get(i)).build());
            }
            logs.putLogEvents(r -> r.logGroupName(logGroup).logStreamName("access").logEvents(events));
        }

        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("pTrustedPrincipals", trusted);
        parameters.put("pAPIAccessList", listed);
        parameters.put("pAllowedVPCEndpoints", allowed);
        parameters.put("pAPIStageName", STAGE);
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("APIGatewayID", apiId);
        outputs.put("APIGatewayFQDN", apiId + ".execute-api." + REGION + ".amazonaws.com");
        outputs.put("APIAccessRole", accessRoleArn);
        outputs.put("APIStageName", STAGE);
        outputs.put("BackendFunctionName", "private-api-backend-backend");
        outputs.put("RequestsTableName", "private-api-backend-RequestsTable-9Z");
        if (deployBeforePolicyChange) {
            deploy(apigw);
            // The stack's change must fall in a later second than the deployment (API Gateway counts seconds).
            Thread.sleep(1100);
            createStack(cfn, BACKEND_STACK, parameters, outputs);
        } else {
            createStack(cfn, BACKEND_STACK, parameters, outputs);
            deploy(apigw);
        }
    }

    private void deploy(ApiGatewayClient apigw) {
        apigw.createDeployment(r -> r.restApiId(apiId).stageName(STAGE).description("resource policy update"));
        apigw.updateStage(r -> r.restApiId(apiId).stageName(STAGE).patchOperations(
                p -> p.op(Op.REPLACE).path("/accessLogSettings/destinationArn")
                        .value("arn:aws:logs:" + REGION + ":" + PROVIDER + ":log-group:" + logGroup),
                p -> p.op(Op.REPLACE).path("/accessLogSettings/format").value("{\"requestId\":\"$context.requestId\"}")));
    }

    private void createFunction(LambdaClient lambda, String name, String role, Map<String, String> env,
                                String... subnets) {
        lambda.createFunction(r -> r.functionName(name).runtime(Runtime.JAVA21).role(role)
                .handler("com.example.privateapi.client.Handler::handleRequest").publish(true)
                .code(c -> c.zipFile(SdkBytes.fromByteArray(emptyJar()))).environment(e -> e.variables(env))
                .vpcConfig(v -> v.subnetIds(subnets).securityGroupIds(clientGroup)));
    }

    /**
     * A stack with the parameters and outputs of the real one. Parameters are Strings here: moto reports a
     * CommaDelimitedList's value as a Python list, where CloudFormation reports the comma-joined text.
     */
    private static void createStack(CloudFormationClient cfn, String name, Map<String, String> parameters,
                                    Map<String, String> outputs) {
        StringBuilder template = new StringBuilder("{\"AWSTemplateFormatVersion\":\"2010-09-09\",\"Parameters\":{");
        template.append(parameters.keySet().stream().map(k -> "\"" + k + "\":{\"Type\":\"String\"}")
                .collect(Collectors.joining(",")));
        template.append("},\"Resources\":{\"Placeholder\":{\"Type\":\"AWS::CloudFormation::WaitConditionHandle\"}},");
        template.append("\"Outputs\":{");
        template.append(outputs.entrySet().stream().map(e -> "\"" + e.getKey() + "\":{\"Value\":\"" + e.getValue()
                + "\"}").collect(Collectors.joining(",")));
        template.append("}}");
        cfn.createStack(r -> r.stackName(name).templateBody(template.toString()).parameters(parameters.entrySet()
                .stream().map(e -> Parameter.builder().parameterKey(e.getKey()).parameterValue(e.getValue()).build())
                .toList()));
    }

    private IamClient iam(StaticCredentialsProvider credentials) {
        return local(IamClient.builder(), credentials).region(Region.AWS_GLOBAL).build();
    }

    /**
     * A client of moto. Apache's HTTP client: seeding sends PATCH (API Gateway's updates), which
     * HttpURLConnection cannot.
     */
    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> B local(
            B builder, AwsCredentialsProvider credentials) {
        return builder.endpointOverride(endpoint).region(Region.of(REGION)).credentialsProvider(credentials)
                .httpClientBuilder(ApacheHttpClient.builder());
    }

    private static byte[] emptyJar() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("README"));
            zip.write("not run".getBytes());
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static String policy(String... statements) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}";
    }

    static String identity(String sid, String action, String resource) {
        return policy(statement(sid, "Allow", null, action, resource, null));
    }

    static String statement(String sid, String effect, String principal, String action, String resource,
                            String condition) {
        StringBuilder s = new StringBuilder("{");
        if (sid != null) {
            s.append("\"Sid\":\"").append(sid).append("\",");
        }
        s.append("\"Effect\":\"").append(effect).append("\",");
        if (principal != null) {
            s.append("\"Principal\":").append(principal).append(',');
        }
        s.append("\"Action\":\"").append(action).append('"');
        if (resource != null) {
            s.append(",\"Resource\":\"").append(resource).append('"');
        }
        if (condition != null) {
            s.append(",\"Condition\":").append(condition);
        }
        return s.append('}').toString();
    }

    /** A comma-delimited parameter value as a JSON list, as CloudFormation hands it to a policy. */
    static String jsonList(String commaDelimited) {
        return "[" + List.of(commaDelimited.split(",")).stream().map(v -> "\"" + v.trim() + "\"")
                .collect(Collectors.joining(",")) + "]";
    }
}
