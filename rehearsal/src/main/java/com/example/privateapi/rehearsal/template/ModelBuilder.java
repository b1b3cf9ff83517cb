package com.example.privateapi.rehearsal.template;

import com.example.privateapi.iam.NamedPolicy;
import com.example.privateapi.rehearsal.template.sam.AwsManagedPolicies;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a stack's CloudFormation resources, intrinsic functions evaluated, into the {@link Model} the rehearsal acts
 * on. The properties of a resource that change what the rehearsal does are read; a property of a function it does not
 * know is refused by name, so that nothing that would change the outcome on AWS is silently dropped.
 */
final class ModelBuilder {

    /** What the builder reads from the stack it builds. */
    interface Stack {
        Set<String> logicalIds();

        String type(String id);

        Map<String, Object> properties(String id);

        String physicalId(String id);

        Object attribute(String id, String attribute, String path);

        StackEvaluator evaluator();

        DeployTarget target();

        Path file();

        DeployedStack nestedStack(String id);
    }

    static final Set<String> TYPES = Set.of("AWS::Lambda::Function", "AWS::IAM::Role", "AWS::Lambda::Permission",
            "AWS::Lambda::Version", "AWS::Lambda::Alias", "AWS::ApiGateway::RestApi", "AWS::ApiGateway::Deployment",
            "AWS::ApiGateway::Stage", "AWS::DynamoDB::Table", "AWS::EC2::VPCEndpoint", "AWS::EC2::VPC",
            "AWS::EC2::Subnet", "AWS::EC2::SecurityGroup", "AWS::EC2::SecurityGroupEgress",
            "AWS::EC2::SecurityGroupIngress", "AWS::CloudFormation::Stack");
    private static final Set<String> FUNCTION_PROPERTIES = Set.of("Code", "Handler", "Runtime", "FunctionName",
            "Description", "MemorySize", "Timeout", "Environment", "VpcConfig", "Role", "Architectures",
            "LoggingConfig", "EphemeralStorage", "ReservedConcurrentExecutions", "KmsKeyArn", "SnapStart",
            "TracingConfig", "Tags");
    private static final String LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";
    static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private final Stack stack;
    private final StackEvaluator eval;
    private final DeployTarget target;

    ModelBuilder(Stack stack) {
        this.stack = stack;
        this.eval = stack.evaluator();
        this.target = stack.target();
    }

    DeployedStack.Resources build() {
        List<Model.RestApi> apis = new ArrayList<>();
        List<Model.LambdaFunction> functions = new ArrayList<>();
        List<Model.LambdaPermission> permissions = new ArrayList<>();
        List<Model.LambdaAlias> aliases = new ArrayList<>();
        List<Model.IamRole> roles = new ArrayList<>();
        List<Model.VpcEndpoint> endpoints = new ArrayList<>();
        List<Model.SecurityGroup> groups = new ArrayList<>();
        List<Model.Subnet> subnets = new ArrayList<>();
        List<Model.DynamoTable> tables = new ArrayList<>();
        SecurityGroups securityGroups = new SecurityGroups(stack);
        for (String id : stack.logicalIds()) {
            switch (stack.type(id)) {
                case "AWS::Lambda::Function" -> functions.add(function(id));
                case "AWS::Lambda::Permission" -> permissions.add(permission(id));
                case "AWS::Lambda::Alias" -> aliases.add(alias(id));
                case "AWS::IAM::Role" -> roles.add(role(id));
                case "AWS::ApiGateway::RestApi" -> apis.add(new RestApiReader(stack, id).read());
                case "AWS::EC2::VPCEndpoint" -> endpoints.add(endpoint(id));
                case "AWS::EC2::SecurityGroup" -> groups.add(securityGroups.group(id));
                case "AWS::EC2::Subnet" -> subnets.add(subnet(id));
                case "AWS::DynamoDB::Table" -> tables.add(table(id));
                case "AWS::CloudFormation::Stack" -> {
                    DeployedStack.Resources child = stack.nestedStack(id).resources();
                    apis.addAll(child.apis());
                    functions.addAll(child.functions());
                    permissions.addAll(child.permissions());
                    aliases.addAll(child.aliases());
                    roles.addAll(child.roles());
                    endpoints.addAll(child.vpcEndpoints());
                    groups.addAll(child.securityGroups());
                    subnets.addAll(child.subnets());
                    tables.addAll(child.tables());
                }
                default -> stack.physicalId(id);
            }
        }
        return new DeployedStack.Resources(apis, functions, permissions, aliases, roles, endpoints,
                securityGroups.withStandaloneRules(groups), subnets, tables);
    }

    private Model.LambdaFunction function(String id) {
        Map<String, Object> props = stack.properties(id);
        String path = "Resources." + id + ".Properties";
        for (String key : props.keySet()) {
            if (!FUNCTION_PROPERTIES.contains(key)) {
                throw eval.error(path + "." + key, "not supported by the rehearsal");
            }
        }
        String code;
        Path codePath = null;
        Map<?, ?> codeProps = props.get("Code") instanceof Map<?, ?> m ? m : Map.of();
        if (codeProps.get("LocalPath") != null) {
            code = eval.string(codeProps.get("LocalPath"), path + ".Code.LocalPath");
            codePath = stack.file().resolveSibling(code).normalize();
        } else if (codeProps.get("S3Bucket") != null && codeProps.get("S3Key") != null) {
            code = "s3://" + eval.string(codeProps.get("S3Bucket"), path + ".Code.S3Bucket") + "/"
                    + eval.string(codeProps.get("S3Key"), path + ".Code.S3Key");
        } else {
            throw eval.error(path + ".Code", "the rehearsal runs code from a jar (S3Bucket and S3Key, or the SAM "
                    + "CodeUri of a local build)");
        }
        Map<String, String> environment = new LinkedHashMap<>();
        if (props.get("Environment") instanceof Map<?, ?> env && env.get("Variables") instanceof Map<?, ?> vars) {
            vars.forEach((k, v) -> environment.put((String) k, eval.string(v, path + ".Environment.Variables." + k)));
        }
        Model.VpcConfig vpc = null;
        if (props.get("VpcConfig") instanceof Map<?, ?> config && !config.isEmpty()) {
            vpc = new Model.VpcConfig(StackDeployer.strings(config.get("SecurityGroupIds")),
                    StackDeployer.strings(config.get("SubnetIds")));
        }
        Integer reserved = props.containsKey("ReservedConcurrentExecutions") ? Integer.valueOf(eval.string(
                props.get("ReservedConcurrentExecutions"), path + ".ReservedConcurrentExecutions")) : null;
        boolean snapStart = props.get("SnapStart") instanceof Map<?, ?> snap
                && "PublishedVersions".equals(snap.get("ApplyOn"));
        return new Model.LambdaFunction(id, stack.physicalId(id), (String) stack.attribute(id, "Arn", path),
                eval.string(require(props, "Handler", path), path + ".Handler"), code, codePath,
                eval.string(require(props, "Runtime", path), path + ".Runtime"), environment,
                Duration.ofSeconds(Long.parseLong(eval.string(props.getOrDefault("Timeout", 3), path + ".Timeout"))),
                Integer.parseInt(eval.string(props.getOrDefault("MemorySize", 128), path + ".MemorySize")),
                eval.string(require(props, "Role", path), path + ".Role"), vpc, reserved, snapStart);
    }

    private Model.LambdaPermission permission(String id) {
        Map<String, Object> props = stack.properties(id);
        String path = "Resources." + id + ".Properties";
        String function = eval.string(require(props, "FunctionName", path), path + ".FunctionName");
        String arn = function.startsWith("arn:") ? function
                : "arn:aws:lambda:" + target.region() + ":" + target.accountId() + ":function:" + function;
        return new Model.LambdaPermission(id, arn, eval.string(require(props, "Action", path), path + ".Action"),
                eval.string(require(props, "Principal", path), path + ".Principal"),
                props.containsKey("SourceArn") ? eval.string(props.get("SourceArn"), path + ".SourceArn") : null,
                props.containsKey("SourceAccount") ? eval.string(props.get("SourceAccount"), path + ".SourceAccount")
                        : null);
    }

    private Model.LambdaAlias alias(String id) {
        String arn = stack.physicalId(id);
        return new Model.LambdaAlias(id, arn.substring(0, arn.lastIndexOf(':')), arn.substring(arn.lastIndexOf(':') + 1),
                arn);
    }

    private Model.IamRole role(String id) {
        Map<String, Object> props = stack.properties(id);
        String path = "Resources." + id + ".Properties";
        String roleName = stack.physicalId(id);
        List<NamedPolicy> inline = new ArrayList<>();
        if (props.get("Policies") instanceof List<?> policies) {
            for (int i = 0; i < policies.size(); i++) {
                if (!(policies.get(i) instanceof Map<?, ?> policy) || policy.get("PolicyName") == null
                        || policy.get("PolicyDocument") == null) {
                    throw eval.error(path + ".Policies[" + i + "]", "must have PolicyName and PolicyDocument");
                }
                inline.add(new NamedPolicy(roleName + " inline " + policy.get("PolicyName"),
                        GSON.toJson(policy.get("PolicyDocument"))));
            }
        }
        List<String> managedArns = StackDeployer.strings(props.get("ManagedPolicyArns"));
        List<NamedPolicy> managed = new ArrayList<>();
        for (String arn : managedArns) {
            Map<String, Object> doc = AwsManagedPolicies.document(arn).orElseThrow(() -> eval.error(path
                    + ".ManagedPolicyArns", "managed policy " + arn + " is not known to the rehearsal"));
            managed.add(new NamedPolicy(roleName + " managed " + arn.substring(arn.lastIndexOf('/') + 1),
                    GSON.toJson(doc)));
        }
        String boundary = props.containsKey("PermissionsBoundary")
                ? eval.string(props.get("PermissionsBoundary"), path + ".PermissionsBoundary") : null;
        long maxSession = Long.parseLong(eval.string(props.getOrDefault("MaxSessionDuration", 3600),
                path + ".MaxSessionDuration"));
        return new Model.IamRole(id, (String) stack.attribute(id, "Arn", path),
                (String) stack.attribute(id, "RoleId", path),
                GSON.toJson(require(props, "AssumeRolePolicyDocument", path)), inline, managedArns, managed, boundary,
                Duration.ofSeconds(maxSession));
    }

    private Model.VpcEndpoint endpoint(String id) {
        Map<String, Object> props = stack.properties(id);
        String path = "Resources." + id + ".Properties";
        Object policy = props.get("PolicyDocument");
        return new Model.VpcEndpoint(id, stack.physicalId(id), eval.string(require(props, "VpcId", path),
                path + ".VpcId"), eval.string(require(props, "ServiceName", path), path + ".ServiceName"),
                String.valueOf(props.getOrDefault("VpcEndpointType", "Gateway")),
                policy == null ? null : policy instanceof String s ? s : GSON.toJson(policy),
                truthy(props.get("PrivateDnsEnabled")), dnsEntries(stack, id),
                StackDeployer.strings(props.get("SecurityGroupIds")), StackDeployer.strings(props.get("SubnetIds")));
    }

    /** The DNS entries of an interface endpoint: its regional and zonal names, and the service's with private DNS. */
    static List<String> dnsEntries(Stack stack, String id) {
        Map<String, Object> props = stack.properties(id);
        String region = stack.target().region();
        String serviceName = stack.evaluator().string(props.get("ServiceName"), "Resources." + id + ".ServiceName");
        String service = serviceName.substring(serviceName.lastIndexOf('.') + 1);
        String endpoint = stack.physicalId(id);
        String suffix = StackEvaluator.stableId(endpoint, LOWER_ALNUM, 8);
        String domain = "." + service + "." + region + ".vpce.amazonaws.com";
        List<String> entries = new ArrayList<>();
        entries.add("Z7HUB22UULQXV:" + endpoint + "-" + suffix + domain);
        entries.add("Z7HUB22UULQXV:" + endpoint + "-" + suffix + "-" + region + "a" + domain);
        entries.add("Z7HUB22UULQXV:" + endpoint + "-" + suffix + "-" + region + "b" + domain);
        if (truthy(props.get("PrivateDnsEnabled"))) {
            entries.add("Z1K56Z6FNPJRR:" + service + "." + region + ".amazonaws.com");
        }
        return entries;
    }

    private Model.Subnet subnet(String id) {
        Map<String, Object> props = stack.properties(id);
        String path = "Resources." + id + ".Properties";
        return new Model.Subnet(id, stack.physicalId(id), eval.string(require(props, "VpcId", path), path + ".VpcId"),
                props.containsKey("CidrBlock") ? eval.string(props.get("CidrBlock"), path + ".CidrBlock") : null);
    }

    private Model.DynamoTable table(String id) {
        Map<String, Object> props = stack.properties(id);
        Map<String, String> keys = new LinkedHashMap<>();
        Map<String, String> attributes = new LinkedHashMap<>();
        for (Object key : (List<?>) props.getOrDefault("KeySchema", List.of())) {
            Map<?, ?> k = (Map<?, ?>) key;
            keys.put(String.valueOf(k.get("AttributeName")), String.valueOf(k.get("KeyType")));
        }
        for (Object attribute : (List<?>) props.getOrDefault("AttributeDefinitions", List.of())) {
            Map<?, ?> a = (Map<?, ?>) attribute;
            attributes.put(String.valueOf(a.get("AttributeName")), String.valueOf(a.get("AttributeType")));
        }
        String ttl = props.get("TimeToLiveSpecification") instanceof Map<?, ?> t && truthy(t.get("Enabled"))
                ? String.valueOf(t.get("AttributeName")) : null;
        return new Model.DynamoTable(id, stack.physicalId(id), keys, attributes, ttl);
    }

    private Object require(Map<String, Object> props, String key, String path) {
        Object value = props.get(key);
        if (value == null) {
            throw eval.error(path + "." + key, "is required");
        }
        return value;
    }

    static boolean truthy(Object value) {
        return value != null && String.valueOf(value).equalsIgnoreCase("true");
    }
}
