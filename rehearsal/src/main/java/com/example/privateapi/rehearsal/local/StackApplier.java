package com.example.privateapi.rehearsal.local;

import com.example.privateapi.rehearsal.gateway.ApiDefinition;
import com.example.privateapi.rehearsal.gateway.Route;
import com.example.privateapi.rehearsal.gateway.VpcEndpoint;
import com.example.privateapi.iam.AuthorizationRequest;
import com.example.privateapi.iam.Decision;
import com.example.privateapi.iam.NamedPolicy;
import com.example.privateapi.iam.Principal;
import com.example.privateapi.rehearsal.identity.Credentials;
import com.example.privateapi.rehearsal.identity.Role;
import com.example.privateapi.rehearsal.lambda.FunctionSpec;
import com.example.privateapi.rehearsal.template.DeployedStack;
import com.example.privateapi.rehearsal.template.Model;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes a deployed stack real in the local cloud: its roles in the identity store, its tables in DynamoDB,
 * its execute-api endpoints as gateway listeners, its functions in the Lambda runtime (with their role's
 * credentials, and the network of their VPC), and its APIs on the gateway.
 */
final class StackApplier {

    /** How long the Lambda service's credentials for an execution role last here (they outlive a --serve hour). */
    static final Duration EXECUTION_ROLE_SESSION = Duration.ofHours(12);

    private final LocalCloud cloud;
    private final DynamoTables tables;
    private final Map<String, Credentials> functionCredentials = new HashMap<>();
    private final Map<String, FunctionSpec> functionSpecs = new HashMap<>();
    /** Each API's definition as last deployed by its stack, published to its stage at the next redeploy. */
    private final Map<String, ApiDefinition> pending = new LinkedHashMap<>();

    StackApplier(LocalCloud cloud, DynamoTables tables) {
        this.cloud = cloud;
        this.tables = tables;
    }

    /**
     * Applies the stack. An API is published to its stage when it is new; an update waits for
     * {@link #redeployStage} as on AWS, where a stack update does not always redeploy the stage.
     */
    void apply(DeployedStack stack, String accountId) throws IOException {
        for (Model.IamRole role : stack.roles()) {
            cloud.identities.putRole(new Role(role.arn(), role.roleId(), role.trustPolicy(), role.policies(),
                    role.maxSessionDuration()));
        }
        for (var table : stack.tables()) {
            tables.ensure(table);
        }
        for (Model.VpcEndpoint endpoint : stack.vpcEndpoints()) {
            if (endpoint.serviceName().endsWith(".execute-api")) {
                cloud.endpoint(new VpcEndpoint(endpoint.id(), endpoint.vpcId(), endpoint.policy()),
                        endpoint.privateDnsEnabled());
            }
        }
        boolean hasExecuteApiEndpoint = stack.vpcEndpoints().stream()
                .anyMatch(e -> e.serviceName().endsWith(".execute-api"));
        for (Model.LambdaFunction function : stack.functions()) {
            // Functions in a VPC with an execute-api endpoint reach API Gateway through it.
            deploy(function, function.inVpc() && hasExecuteApiEndpoint);
        }
        for (Model.RestApi api : stack.apis()) {
            ApiDefinition definition = definition(api, stack, accountId);
            if (cloud.published(api.id()) == null) {
                cloud.publish(definition);
            }
            pending.put(api.id(), definition);
        }
    }

    /** {@code aws apigateway create-deployment}: publishes the API's current definition to its stage. */
    void redeployStage(String apiId) {
        ApiDefinition definition = pending.get(apiId);
        if (definition == null) {
            throw new IllegalStateException("no API " + apiId + " is deployed");
        }
        cloud.publish(definition);
    }

    Credentials credentialsOf(String functionName) {
        return functionCredentials.get(functionName);
    }

    /** The function as last deployed to the local Lambda. */
    FunctionSpec specOf(String functionName) {
        return functionSpecs.get(functionName);
    }

    private void deploy(Model.LambdaFunction function, boolean throughEndpoint) {
        if (!Files.isRegularFile(function.codeUri())) {
            throw new IllegalStateException("function " + function.logicalId() + ": its CodeUri "
                    + function.codeUri() + " does not exist; build it with: mvn package");
        }
        Role role = cloud.identities.role(function.roleArn()).orElseThrow(() -> new IllegalStateException(
                "function " + function.logicalId() + ": its role " + function.roleArn() + " is not in the stack"));
        Decision trust = cloud.evaluator.evaluate(new AuthorizationRequest(Principal.service("lambda.amazonaws.com"),
                "sts:AssumeRole", role.arn(), role.accountId(), Map.of(), List.of(),
                new NamedPolicy("trust policy of role " + role.name(), role.trustPolicy()), null));
        if (!trust.allowed()) {
            // CloudFormation's own words when a function's role does not trust Lambda.
            throw new IllegalStateException("function " + function.logicalId() + ": The role defined for the "
                    + "function cannot be assumed by Lambda. " + trust.reason());
        }
        Credentials credentials = cloud.identities.startRoleSession(role, function.name(), EXECUTION_ROLE_SESSION);
        functionCredentials.put(function.name(), credentials);

        Map<String, String> environment = new LinkedHashMap<>(function.environment());
        // The SDK reads these itself: production code needs no special path for the rehearsal.
        environment.put("AWS_ENDPOINT_URL_STS", cloud.stsUrl.toString());
        environment.put("AWS_ENDPOINT_URL_DYNAMODB", cloud.dynamodbUrl.toString());

        Map<String, String> jvm = new LinkedHashMap<>();
        if (throughEndpoint) {
            jvm.put("https.proxyHost", "127.0.0.1");
            jvm.put("https.proxyPort", Integer.toString(cloud.vpcNetwork.port()));
            jvm.put("javax.net.ssl.trustStore", cloud.certificates.trustStore().toString());
            jvm.put("javax.net.ssl.trustStorePassword", cloud.certificates.trustStorePassword());
        }
        FunctionSpec spec = new FunctionSpec(function.name(), function.arn(), function.codeUri(), function.handler(),
                environment, function.timeout(), function.memoryMb(), jvm);
        functionSpecs.put(function.name(), spec);
        cloud.lambda.deploy(spec, credentials);
    }

    private static ApiDefinition definition(Model.RestApi api, DeployedStack stack, String accountId) {
        Map<String, String> functionNames = new HashMap<>();
        stack.functions().forEach(f -> functionNames.put(f.logicalId(), f.name()));
        List<Route> routes = api.routes().stream().map(r -> new Route(r.method(), r.path(),
                functionNames.get(r.functionLogicalId()))).toList();
        return new ApiDefinition(api.id(), accountId, api.stageName(), routes, api.resourcePolicy(),
                api.accessLogFormat());
    }
}
