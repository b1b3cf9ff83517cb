package com.example.privateapi.rehearsal.local;

import com.example.privateapi.rehearsal.gateway.ApiDefinition;
import com.example.privateapi.rehearsal.gateway.Route;
import com.example.privateapi.rehearsal.gateway.VpcEndpoint;
import com.example.privateapi.iam.Decision;
import com.example.privateapi.iam.ParsedRequest;
import com.example.privateapi.iam.Principal;
import com.example.privateapi.rehearsal.identity.Credentials;
import com.example.privateapi.rehearsal.identity.Role;
import com.example.privateapi.rehearsal.lambda.FunctionSpec;
import com.example.privateapi.rehearsal.lambda.PublishResult;
import com.example.privateapi.rehearsal.template.DeployedStack;
import com.example.privateapi.rehearsal.template.Model;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.net.URI;

/**
 * Makes a deployed stack real in the local cloud: its roles in the identity store, its tables in DynamoDB,
 * its execute-api endpoints as gateway listeners, its functions in the Lambda runtime (with their role's
 * credentials, and the network of their VPC), and its APIs on the gateway.
 */
public final class StackApplier {

    /** How long the Lambda service's credentials for an execution role last here (they outlive a --serve hour). */
    static final Duration EXECUTION_ROLE_SESSION = Duration.ofHours(12);

    private final LocalCloud cloud;
    private final DynamoTables tables;
    private final Map<String, Credentials> functionCredentials = new HashMap<>();
    private final Map<String, FunctionSpec> functionSpecs = new HashMap<>();
    /** Each API stage's definition as last deployed by its stack, published at the next redeploy. */
    private final Map<String, ApiDefinition> pending = new LinkedHashMap<>();
    /** The security groups and subnets of the stacks applied so far, by id. */
    private final Map<String, Model.SecurityGroup> securityGroups = new HashMap<>();
    private final Map<String, Model.Subnet> subnets = new HashMap<>();
    /** The deployment each API stage was last pointed at by its stack. */
    private final Map<String, String> deployments = new HashMap<>();

    public StackApplier(LocalCloud cloud, DynamoTables tables) {
        this.cloud = cloud;
        this.tables = tables;
    }

    /**
     * Applies the stack. An API is published to its stage when it is new; an update waits for
     * {@link #redeployStage} as on AWS, where a stack update does not always redeploy the stage.
     */
    public void apply(DeployedStack stack, String accountId) throws IOException {
        // Every policy is parsed first, so a malformed one fails the deploy before anything of it is applied.
        StackPolicies policies = StackPolicies.of(stack, cloud.region(), accountId);
        for (Model.IamRole role : stack.roles()) {
            if (role.permissionsBoundary() != null) {
                // A boundary caps what the identity policies allow; evaluating without it could allow what AWS denies.
                throw new IllegalStateException("role " + role.logicalId() + " has the permissions boundary "
                        + role.permissionsBoundary() + ", which the rehearsal does not evaluate; `run-local.sh model` "
                        + "shows it, but the rehearsal cannot run this stack");
            }
        }
        for (Model.IamRole role : stack.roles()) {
            cloud.identities().putRole(new Role(role.arn(), role.roleId(), policies.trustPolicies().get(role.arn()),
                    policies.rolePolicies().get(role.arn()), role.maxSessionDuration()));
        }
        for (var table : stack.tables()) {
            tables.ensure(table);
        }
        for (Model.VpcEndpoint endpoint : stack.vpcEndpoints()) {
            if (endpoint.serviceName().endsWith(".execute-api")) {
                cloud.endpoint(new VpcEndpoint(endpoint.id(), endpoint.vpcId(),
                        policies.endpointPolicies().get(endpoint.id())), endpoint.privateDnsEnabled());
            }
        }
        stack.resources().securityGroups().forEach(group -> securityGroups.put(group.id(), group));
        stack.resources().subnets().forEach(subnet -> subnets.put(subnet.id(), subnet));
        SecurityGroupPaths paths = new SecurityGroupPaths(Map.copyOf(securityGroups), Map.copyOf(subnets));
        for (Model.LambdaFunction function : stack.functions()) {
            deploy(function, network(function, stack, paths));
        }
        for (Model.LambdaFunction function : stack.functions()) {
            cloud.functionPolicy(function.arn(), policies.functionPolicies().get(function.arn()));
        }
        for (Model.RestApi api : stack.apis()) {
            for (Model.Stage stage : api.stages()) {
                ApiDefinition definition = definition(api, stage, accountId, policies);
                String key = api.id() + "/" + stage.name();
                // A new stage, or one CloudFormation pointed at a new deployment, serves the API as it is now;
                // otherwise the stage keeps what it served until it is redeployed, as on AWS.
                if (cloud.published(api.id(), stage.name()) == null
                        || !stage.deploymentId().equals(deployments.get(key))) {
                    cloud.publish(definition);
                }
                deployments.put(key, stage.deploymentId());
                pending.put(key, definition);
            }
        }
    }

    /** {@code aws apigateway create-deployment}: publishes the API's current definition to the stage. */
    public void redeployStage(String apiId, String stage) {
        ApiDefinition definition = pending.get(apiId + "/" + stage);
        if (definition == null) {
            throw new IllegalStateException("no stage " + stage + " of an API " + apiId + " is deployed");
        }
        cloud.publish(definition);
    }

    /** The session credentials Lambda gave the function from its execution role. */
    public Credentials credentialsOf(String functionName) {
        return functionCredentials.get(functionName);
    }

    /** The function as last deployed to the local Lambda. */
    public FunctionSpec specOf(String functionName) {
        return functionSpecs.get(functionName);
    }

    /**
     * Where the function's connections lead: functions in a VPC reach API Gateway through the stack's execute-api
     * endpoint, STS through its STS endpoint (or STS's public address without one) and DynamoDB through its prefix
     * list; a path their security groups do not allow leads to an address that never answers.
     */
    private Network network(Model.LambdaFunction function, DeployedStack stack, SecurityGroupPaths paths)
            throws IOException {
        URI sts = cloud.stsUrl();
        URI dynamodb = cloud.dynamodbUrl();
        Integer proxyPort = null;
        if (!function.inVpc()) {
            return new Network(sts, dynamodb, null);
        }
        Optional<Model.VpcEndpoint> executeApi = endpoint(stack, ".execute-api");
        if (executeApi.isPresent()) {
            Model.VpcEndpoint e = executeApi.get();
            SecurityGroupPaths.Destination to = new SecurityGroupPaths.Destination("the execute-api endpoint "
                    + e.id(), e.securityGroupIds(), paths.endpointAddress(e), null);
            Optional<String> blocked = paths.blocked(function, to);
            proxyPort = blocked.isPresent()
                    ? cloud.unanswered(function.name(), to.name(), blocked.get(), "http").getPort()
                    : cloud.vpcNetworkProxyPort(e.vpcId());
        }
        Optional<Model.VpcEndpoint> stsEndpoint = endpoint(stack, ".sts");
        SecurityGroupPaths.Destination toSts = stsEndpoint.map(e -> new SecurityGroupPaths.Destination(
                "the STS endpoint " + e.id(), e.securityGroupIds(), paths.endpointAddress(e), null))
                .orElse(new SecurityGroupPaths.Destination("STS's public address (the stack has no STS endpoint)",
                        List.of(), null, null));
        Optional<String> stsBlocked = paths.blocked(function, toSts);
        if (stsBlocked.isPresent()) {
            sts = cloud.unanswered(function.name(), toSts.name(), stsBlocked.get(), "http");
        }
        SecurityGroupPaths.Destination toDynamodb = new SecurityGroupPaths.Destination("DynamoDB (prefix list "
                + cloud.dynamodbPrefixListId() + ")", List.of(), null, cloud.dynamodbPrefixListId());
        Optional<String> dynamodbBlocked = paths.blocked(function, toDynamodb);
        if (dynamodbBlocked.isPresent()) {
            dynamodb = cloud.unanswered(function.name(), toDynamodb.name(), dynamodbBlocked.get(), "http");
        }
        return new Network(sts, dynamodb, proxyPort);
    }

    private static Optional<Model.VpcEndpoint> endpoint(DeployedStack stack, String service) {
        return stack.vpcEndpoints().stream().filter(e -> e.serviceName().endsWith(service)).findFirst();
    }

    /** The addresses a function's SDK and HTTPS connections go to; no proxy outside a VPC. */
    private record Network(URI sts, URI dynamodb, Integer httpsProxyPort) {
    }

    private void deploy(Model.LambdaFunction function, Network network) {
        if (function.codePath() == null) {
            throw new IllegalStateException("function " + function.logicalId() + ": its code " + function.code()
                    + " is not a local build; the rehearsal runs the jar the build produced (CodeUri: target/...)");
        }
        if (!Files.isRegularFile(function.codePath())) {
            throw new IllegalStateException("function " + function.logicalId() + ": its CodeUri "
                    + function.codePath() + " does not exist; build it with: mvn package");
        }
        Role role = cloud.identities().role(function.roleArn()).orElseThrow(() -> new IllegalStateException(
                "function " + function.logicalId() + ": its role " + function.roleArn() + " is not in the stack"));
        Decision trust = cloud.evaluator().evaluate(new ParsedRequest(Principal.service("lambda.amazonaws.com"),
                "sts:AssumeRole", role.arn(), role.accountId(), Map.of(), List.of(), role.trustPolicy(), null));
        if (!trust.allowed()) {
            // CloudFormation's own words when a function's role does not trust Lambda.
            throw new IllegalStateException("function " + function.logicalId() + ": The role defined for the "
                    + "function cannot be assumed by Lambda. " + trust.reason());
        }
        Map<String, String> environment = new LinkedHashMap<>(function.environment());
        // The SDK reads these itself: production code needs no special path for the rehearsal.
        environment.put("AWS_ENDPOINT_URL_STS", network.sts().toString());
        environment.put("AWS_ENDPOINT_URL_DYNAMODB", network.dynamodb().toString());

        Map<String, String> jvm = network.httpsProxyPort() == null ? Map.of()
                : cloud.httpsProxyJvmProperties(network.httpsProxyPort());
        FunctionSpec spec = new FunctionSpec(function.name(), function.arn(), function.codePath(), function.handler(),
                environment, function.timeout(), function.memoryMb(), jvm).withSnapStart(function.snapStart())
                .withReservedConcurrency(function.reservedConcurrency());
        if (spec.equals(functionSpecs.get(function.name()))) {
            // A stack update that changes nothing of a function leaves it, and its published version, as they are.
            return;
        }
        Credentials credentials = cloud.identities().startRoleSession(role, function.name(), EXECUTION_ROLE_SESSION);
        functionCredentials.put(function.name(), credentials);
        functionSpecs.put(function.name(), spec);
        cloud.lambda().deploy(spec, credentials);
        if (spec.snapStart()) {
            // SAM's AutoPublishAlias publishes a version; with SnapStart, Lambda runs init and the beforeCheckpoint
            // hooks then, and a failing hook fails the version, and so the deploy.
            PublishResult published = cloud.lambda().publish(function.name());
            if (!published.published()) {
                throw new IllegalStateException("function " + function.logicalId() + ": publishing a SnapStart "
                        + "version failed: " + published.error());
            }
        }
    }

    private static ApiDefinition definition(Model.RestApi api, Model.Stage stage, String accountId,
                                            StackPolicies policies) {
        List<Route> routes = new ArrayList<>();
        for (Model.Route route : api.routes()) {
            if (!route.authorization().equals("AWS_IAM")) {
                throw new IllegalStateException("API " + api.logicalId() + ": " + route.method() + " " + route.path()
                        + " has no AWS_IAM authorization; the rehearsal serves IAM-authorized methods only");
            }
            routes.add(new Route(route.method(), route.path(), route.functionArn(), route.credentials()));
        }
        return new ApiDefinition(api.id(), accountId, stage.name(), routes, policies.apiPolicies().get(api.id()),
                stage.accessLogFormat());
    }
}
