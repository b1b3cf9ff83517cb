package com.example.privateapi.rehearsal.template;

import com.example.privateapi.iam.NamedPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Deploys one template in the rehearsal: resolves its parameters, conditions and intrinsics, expands the SAM
 * resources as the SAM transform would (generated function roles with their managed policies and {@code Policies},
 * API events as routes, {@code Auth.ResourcePolicy} as the API's resource policy), deploys nested stacks, and
 * yields the model the rehearsal acts on. Resource types it does not know are refused by name.
 */
final class StackDeployer implements StackEvaluator.AttributeSource {

    static final String SAM_TRANSFORM = "AWS::Serverless-2016-10-31";
    /** Resource types only given ids here: the rehearsal models no behaviour of theirs. */
    private static final Set<String> INERT = Set.of("AWS::EC2::VPC", "AWS::EC2::Subnet", "AWS::EC2::RouteTable",
            "AWS::EC2::SubnetRouteTableAssociation", "AWS::EC2::SecurityGroup", "AWS::EC2::SecurityGroupEgress",
            "AWS::EC2::SecurityGroupIngress", "AWS::Logs::LogGroup", "AWS::WAFv2::WebACL",
            "AWS::WAFv2::WebACLAssociation", "AWS::ApiGateway::Account", "AWS::KMS::Key");
    private static final Set<String> MODELLED = Set.of("AWS::Serverless::Function", "AWS::Serverless::Api",
            "AWS::IAM::Role", "AWS::DynamoDB::Table", "AWS::EC2::VPCEndpoint", "AWS::CloudFormation::Stack");
    private static final String FUNCTION_ROLE = "SAM::FunctionRole";
    private static final String LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final String UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final String HEX = "0123456789abcdef";
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private final TemplateReader reader;
    private final Path file;
    private final String name;
    private final DeployTarget target;
    private final Map<String, Map<String, Object>> resources = new LinkedHashMap<>();
    private final Map<String, String> ids = new HashMap<>();
    private final Set<String> resolvingIds = new HashSet<>();
    private final Map<String, DeployedStack> nested = new HashMap<>();
    private final Map<String, Map<String, Object>> properties = new HashMap<>();
    private Map<String, Object> globals = Map.of();
    private StackEvaluator eval;

    StackDeployer(TemplateReader reader, Path file, DeployTarget target) {
        this.reader = reader;
        this.file = file;
        this.name = file.getFileName().toString();
        this.target = target;
    }

    @SuppressWarnings("unchecked")
    DeployedStack deploy(Map<String, String> overrides) {
        Map<String, Object> template = YamlTemplates.load(file);
        checkTransform(template.get("Transform"));
        Map<String, Object> parameters = ParameterResolver.resolve(name, section(template, "Parameters"), overrides);
        eval = new StackEvaluator(name, target, parameters, section(template, "Conditions"),
                section(template, "Mappings"), this::physicalId, this);
        Map<String, Object> globalsSection = section(template, "Globals");
        globals = globalsSection.containsKey("Function") ? (Map<String, Object>) globalsSection.get("Function")
                : Map.of();

        for (Map.Entry<String, Object> entry : section(template, "Resources").entrySet()) {
            String id = entry.getKey();
            if (!(entry.getValue() instanceof Map)) {
                throw eval.error("Resources." + id, "must be a mapping");
            }
            Map<String, Object> resource = (Map<String, Object>) entry.getValue();
            String type = String.valueOf(resource.get("Type"));
            if (!INERT.contains(type) && !MODELLED.contains(type)) {
                throw eval.error("Resources." + id + ".Type", "resource type " + type + " is not supported by the "
                        + "rehearsal");
            }
            if (resource.containsKey("Condition")
                    && !eval.condition(String.valueOf(resource.get("Condition")), "Resources." + id + ".Condition")) {
                continue;
            }
            resources.put(id, resource);
            Map<String, Object> props = rawProperties(id);
            if (type.equals("AWS::Serverless::Function") && !props.containsKey("Role")) {
                resources.put(id + "Role", Map.of("Type", FUNCTION_ROLE, "Function", id));
            }
        }
        return build(section(template, "Outputs"), parameters);
    }

    private void checkTransform(Object transform) {
        List<?> transforms = transform == null ? List.of() : transform instanceof List<?> l ? l : List.of(transform);
        for (Object t : transforms) {
            if (!SAM_TRANSFORM.equals(t)) {
                throw new TemplateException(name + ": Transform: " + t + " is not supported by the rehearsal (only "
                        + SAM_TRANSFORM + ")");
            }
        }
    }

    // --- ids and attributes -------------------------------------------------------------------------------------

    @Override
    public boolean exists(String logicalId) {
        return resources.containsKey(logicalId);
    }

    String physicalId(String id) {
        String known = ids.get(id);
        if (known != null) {
            return known;
        }
        if (!resolvingIds.add(id)) {
            throw eval.error("Resources." + id, "its name depends on itself");
        }
        String type = type(id);
        String seed = target.stackName() + "/" + id;
        String generated = target.stackName() + "-" + id + "-" + StackEvaluator.stableId(seed, UPPER_ALNUM, 12);
        if (generated.length() > 64) {
            generated = generated.substring(0, 51) + "-" + StackEvaluator.stableId(seed, UPPER_ALNUM, 12);
        }
        String value = switch (type) {
            case "AWS::Serverless::Function" -> named(id, "FunctionName", generated);
            case "AWS::IAM::Role" -> named(id, "RoleName", generated);
            case FUNCTION_ROLE -> generated;
            case "AWS::DynamoDB::Table" -> named(id, "TableName", generated);
            case "AWS::Logs::LogGroup" -> named(id, "LogGroupName", generated);
            case "AWS::Serverless::Api" -> StackEvaluator.stableId(seed, LOWER_ALNUM, 10);
            case "AWS::EC2::VPCEndpoint" -> "vpce-" + StackEvaluator.stableId(seed, HEX, 17);
            case "AWS::EC2::VPC" -> "vpc-" + StackEvaluator.stableId(seed, HEX, 17);
            case "AWS::EC2::Subnet" -> "subnet-" + StackEvaluator.stableId(seed, HEX, 17);
            case "AWS::EC2::RouteTable" -> "rtb-" + StackEvaluator.stableId(seed, HEX, 17);
            case "AWS::EC2::SecurityGroup" -> "sg-" + StackEvaluator.stableId(seed, HEX, 17);
            case "AWS::CloudFormation::Stack" -> "arn:aws:cloudformation:" + target.region() + ":"
                    + target.accountId() + ":stack/" + nestedName(id) + "/" + StackEvaluator.stableId(seed, HEX, 32);
            default -> generated;
        };
        resolvingIds.remove(id);
        ids.put(id, value);
        return value;
    }

    private String named(String id, String property, String generated) {
        Map<String, Object> raw = rawProperties(id);
        String path = "Resources." + id + ".Properties." + property;
        Object name = raw.containsKey(property) ? eval.resolve(raw.get(property), path) : StackEvaluator.NO_VALUE;
        return name == StackEvaluator.NO_VALUE ? generated : eval.string(name, path);
    }

    @Override
    public Object attribute(String id, String attribute, String path) {
        String type = type(id);
        String physical = physicalId(id);
        String account = target.accountId();
        String region = target.region();
        switch (type + "." + attribute) {
            case "AWS::Serverless::Function.Arn":
                return "arn:aws:lambda:" + region + ":" + account + ":function:" + physical;
            case "AWS::IAM::Role.Arn":
            case FUNCTION_ROLE + ".Arn":
                return roleArn(id);
            case "AWS::IAM::Role.RoleId":
            case FUNCTION_ROLE + ".RoleId":
                return "AROA" + StackEvaluator.stableId(target.stackName() + "/" + id, UPPER_ALNUM, 17);
            case "AWS::DynamoDB::Table.Arn":
                return "arn:aws:dynamodb:" + region + ":" + account + ":table/" + physical;
            case "AWS::Logs::LogGroup.Arn":
                return "arn:aws:logs:" + region + ":" + account + ":log-group:" + physical + ":*";
            case "AWS::WAFv2::WebACL.Arn":
                return "arn:aws:wafv2:" + region + ":" + account + ":regional/webacl/" + id + "/" + physical;
            case "AWS::WAFv2::WebACL.Id":
            case "AWS::EC2::VPCEndpoint.Id":
                return physical;
            case "AWS::EC2::SecurityGroup.GroupId":
                return physical;
            case "AWS::EC2::VPCEndpoint.DnsEntries":
                return dnsEntries(id);
            case "AWS::Serverless::Api.RootResourceId":
                return StackEvaluator.stableId(physical + "/", LOWER_ALNUM, 10);
            default:
                break;
        }
        if (type.equals("AWS::CloudFormation::Stack") && attribute.startsWith("Outputs.")) {
            String output = attribute.substring("Outputs.".length());
            Map<String, String> outputs = nestedStack(id).outputs();
            if (!outputs.containsKey(output)) {
                throw eval.error(path, "the nested stack " + id + " has no output " + output
                        + " (or its Condition is false)");
            }
            return outputs.get(output);
        }
        throw eval.error(path, "Fn::GetAtt " + id + "." + attribute + " (" + type + ") is not supported by the "
                + "rehearsal");
    }

    private String roleArn(String id) {
        return "arn:aws:iam::" + target.accountId() + ":role/" + physicalId(id);
    }

    private List<String> dnsEntries(String id) {
        Map<String, Object> props = properties(id);
        String service = serviceShortName(eval.string(props.get("ServiceName"), "Resources." + id + ".ServiceName"));
        String endpoint = physicalId(id);
        String suffix = StackEvaluator.stableId(endpoint, LOWER_ALNUM, 8);
        String domain = "." + service + "." + target.region() + ".vpce.amazonaws.com";
        List<String> entries = new ArrayList<>();
        entries.add("Z7HUB22UULQXV:" + endpoint + "-" + suffix + domain);
        entries.add("Z7HUB22UULQXV:" + endpoint + "-" + suffix + "-" + target.region() + "a" + domain);
        entries.add("Z7HUB22UULQXV:" + endpoint + "-" + suffix + "-" + target.region() + "b" + domain);
        if (truthy(props.get("PrivateDnsEnabled"))) {
            entries.add("Z1K56Z6FNPJRR:" + service + "." + target.region() + ".amazonaws.com");
        }
        return entries;
    }

    private static String serviceShortName(String serviceName) {
        return serviceName.substring(serviceName.lastIndexOf('.') + 1);
    }

    private String nestedName(String id) {
        return target.stackName() + "-" + id + "-" + StackEvaluator.stableId(target.stackName() + "/" + id,
                UPPER_ALNUM, 12);
    }

    private DeployedStack nestedStack(String id) {
        DeployedStack known = nested.get(id);
        if (known != null) {
            return known;
        }
        Map<String, Object> props = properties(id);
        String url = eval.string(props.get("TemplateURL"), "Resources." + id + ".Properties.TemplateURL");
        if (url.contains("://")) {
            throw eval.error("Resources." + id + ".Properties.TemplateURL", "the rehearsal reads nested templates "
                    + "from local paths only, got " + url);
        }
        Map<String, String> params = new LinkedHashMap<>();
        Object given = props.getOrDefault("Parameters", Map.of());
        if (given instanceof Map<?, ?> map) {
            map.forEach((k, v) -> params.put((String) k, v instanceof List<?> l
                    ? String.join(",", l.stream().map(String::valueOf).toList())
                    : eval.string(v, "Resources." + id + ".Properties.Parameters." + k)));
        }
        DeployedStack stack = reader.deploy(file.resolveSibling(url),
                params, new DeployTarget(target.accountId(), target.region(), nestedName(id)));
        nested.put(id, stack);
        return stack;
    }

    // --- the model ----------------------------------------------------------------------------------------------

    private DeployedStack build(Map<String, Object> outputsSection, Map<String, Object> parameters) {
        List<Model.RestApi> apis = new ArrayList<>();
        List<Model.LambdaFunction> functions = new ArrayList<>();
        List<Model.IamRole> roles = new ArrayList<>();
        List<Model.VpcEndpoint> endpoints = new ArrayList<>();
        List<Model.DynamoTable> tables = new ArrayList<>();
        for (String id : resources.keySet()) {
            switch (type(id)) {
                case "AWS::Serverless::Function" -> functions.add(function(id));
                case FUNCTION_ROLE -> roles.add(functionRole(id));
                case "AWS::IAM::Role" -> roles.add(role(id));
                case "AWS::Serverless::Api" -> apis.add(api(id));
                case "AWS::EC2::VPCEndpoint" -> endpoints.add(endpoint(id));
                case "AWS::DynamoDB::Table" -> tables.add(table(id));
                case "AWS::CloudFormation::Stack" -> {
                    DeployedStack child = nestedStack(id);
                    apis.addAll(child.apis());
                    functions.addAll(child.functions());
                    roles.addAll(child.roles());
                    endpoints.addAll(child.vpcEndpoints());
                    tables.addAll(child.tables());
                }
                default -> physicalId(id);
            }
        }
        Map<String, String> outputs = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : outputsSection.entrySet()) {
            Map<?, ?> output = (Map<?, ?>) entry.getValue();
            String path = "Outputs." + entry.getKey();
            if (output.containsKey("Condition") && !eval.condition(String.valueOf(output.get("Condition")), path)) {
                continue;
            }
            Object value = eval.resolve(output.get("Value"), path + ".Value");
            outputs.put(entry.getKey(), value instanceof List<?> l
                    ? String.join(",", l.stream().map(String::valueOf).toList()) : eval.string(value, path));
        }
        Map<String, String> resolvedParameters = new LinkedHashMap<>();
        parameters.forEach((k, v) -> resolvedParameters.put(k, v instanceof List<?> l
                ? String.join(",", l.stream().map(String::valueOf).toList()) : String.valueOf(v)));
        return new DeployedStack(target.stackName(), outputs, resolvedParameters, apis, functions, roles, endpoints,
                tables);
    }

    private Model.LambdaFunction function(String id) {
        Map<String, Object> props = new LinkedHashMap<>(eval.resolve(globals, "Globals.Function") instanceof Map<?, ?> g
                ? castMap(g) : Map.of());
        props.putAll(properties(id));
        String path = "Resources." + id + ".Properties";
        String codeUri = eval.string(require(props, "CodeUri", path), path + ".CodeUri");
        Map<String, String> environment = new LinkedHashMap<>();
        if (props.get("Environment") instanceof Map<?, ?> env && env.get("Variables") instanceof Map<?, ?> vars) {
            vars.forEach((k, v) -> environment.put((String) k, eval.string(v, path + ".Environment.Variables." + k)));
        }
        String role = props.containsKey("Role") ? eval.string(props.get("Role"), path + ".Role") : roleArn(id + "Role");
        return new Model.LambdaFunction(id, physicalId(id), (String) attribute(id, "Arn", path),
                eval.string(require(props, "Handler", path), path + ".Handler"),
                file.resolveSibling(codeUri).normalize(),
                eval.string(require(props, "Runtime", path), path + ".Runtime"), environment,
                Duration.ofSeconds(Long.parseLong(eval.string(props.getOrDefault("Timeout", 3), path + ".Timeout"))),
                Integer.parseInt(eval.string(props.getOrDefault("MemorySize", 128), path + ".MemorySize")), role,
                props.get("VpcConfig") instanceof Map);
    }

    private Model.IamRole functionRole(String roleId) {
        String id = (String) resources.get(roleId).get("Function");
        Map<String, Object> props = new LinkedHashMap<>(eval.resolve(globals, "Globals.Function") instanceof Map<?, ?> g
                ? castMap(g) : Map.of());
        props.putAll(properties(id));
        String path = "Resources." + id + ".Properties";
        String roleName = physicalId(roleId);
        List<NamedPolicy> policies = new ArrayList<>();
        List<String> managed = new ArrayList<>(List.of("AWSLambdaBasicExecutionRole"));
        if (props.get("VpcConfig") instanceof Map) {
            managed.add("AWSLambdaVPCAccessExecutionRole");
        }
        if ("Active".equals(props.get("Tracing"))) {
            managed.add("AWSXrayWriteOnlyAccess");
        }
        for (String policy : managed) {
            policies.add(new NamedPolicy(roleName + " managed " + policy, GSON.toJson(ManagedPolicies.managed(policy))));
        }
        Object declared = props.get("Policies");
        List<?> items = declared == null ? List.of() : declared instanceof List<?> l ? l : List.of(declared);
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            String where = path + ".Policies[" + i + "]";
            if (item instanceof String managedName) {
                Map<String, Object> doc = ManagedPolicies.managed(managedName);
                if (doc == null) {
                    throw eval.error(where, "managed policy " + managedName + " is not known to the rehearsal");
                }
                policies.add(new NamedPolicy(roleName + " managed " + managedName, GSON.toJson(doc)));
            } else if (item instanceof Map<?, ?> map && map.containsKey("Statement")) {
                policies.add(new NamedPolicy(roleName + " inline " + id + "RolePolicy" + i, GSON.toJson(map)));
            } else if (item instanceof Map<?, ?> map && map.size() == 1) {
                String template = (String) map.keySet().iterator().next();
                Object parameters = map.get(template);
                Map<String, Object> doc = ManagedPolicies.samTemplate(template,
                        parameters instanceof Map<?, ?> p ? p : Map.of(), target.region(), target.accountId());
                if (doc == null) {
                    throw eval.error(where, "SAM policy template " + template + " is not supported by the rehearsal");
                }
                policies.add(new NamedPolicy(roleName + " " + template, GSON.toJson(doc)));
            } else {
                throw eval.error(where, "not a policy document, managed policy or SAM policy template: " + item);
            }
        }
        String trust = GSON.toJson(Map.of("Version", "2012-10-17", "Statement", List.of(Map.of("Effect", "Allow",
                "Principal", Map.of("Service", List.of("lambda.amazonaws.com")), "Action", List.of("sts:AssumeRole")))));
        return new Model.IamRole(roleId, roleArn(roleId), (String) attribute(roleId, "RoleId", path), trust, policies,
                Duration.ofHours(1));
    }

    private Model.IamRole role(String id) {
        Map<String, Object> props = properties(id);
        String path = "Resources." + id + ".Properties";
        String roleName = physicalId(id);
        List<NamedPolicy> policies = new ArrayList<>();
        if (props.get("Policies") instanceof List<?> inline) {
            for (Object item : inline) {
                Map<?, ?> policy = (Map<?, ?>) item;
                policies.add(new NamedPolicy(roleName + " inline " + policy.get("PolicyName"),
                        GSON.toJson(policy.get("PolicyDocument"))));
            }
        }
        if (props.get("ManagedPolicyArns") instanceof List<?> arns) {
            for (Object arn : arns) {
                Map<String, Object> doc = ManagedPolicies.managed(String.valueOf(arn));
                if (doc == null) {
                    throw eval.error(path + ".ManagedPolicyArns", "managed policy " + arn + " is not known to the "
                            + "rehearsal");
                }
                policies.add(new NamedPolicy(roleName + " managed " + arn, GSON.toJson(doc)));
            }
        }
        long maxSession = Long.parseLong(eval.string(props.getOrDefault("MaxSessionDuration", 3600),
                path + ".MaxSessionDuration"));
        return new Model.IamRole(id, roleArn(id), (String) attribute(id, "RoleId", path),
                GSON.toJson(require(props, "AssumeRolePolicyDocument", path)), policies, Duration.ofSeconds(maxSession));
    }

    private Model.RestApi api(String id) {
        Map<String, Object> props = properties(id);
        String path = "Resources." + id + ".Properties";
        if (props.containsKey("DefinitionBody") || props.containsKey("DefinitionUri")) {
            throw eval.error(path + ".DefinitionBody", "OpenAPI definitions are not supported by the rehearsal; "
                    + "declare routes as function events and the policy in Auth.ResourcePolicy");
        }
        String stage = eval.string(require(props, "StageName", path), path + ".StageName");
        Object endpointConfig = props.get("EndpointConfiguration");
        String endpointType = endpointConfig instanceof Map<?, ?> m ? String.valueOf(m.get("Type"))
                : endpointConfig == null ? "EDGE" : String.valueOf(endpointConfig);
        String authorization = "NONE";
        String resourcePolicy = null;
        if (props.get("Auth") instanceof Map<?, ?> auth) {
            authorization = auth.containsKey("DefaultAuthorizer") ? String.valueOf(auth.get("DefaultAuthorizer"))
                    : "NONE";
            if (auth.get("ResourcePolicy") instanceof Map<?, ?> policy) {
                for (Object key : policy.keySet()) {
                    if (!"CustomStatements".equals(key)) {
                        throw eval.error(path + ".Auth.ResourcePolicy." + key, "only CustomStatements is supported "
                                + "by the rehearsal");
                    }
                }
                Object statements = policy.get("CustomStatements");
                resourcePolicy = GSON.toJson(Map.of("Version", "2012-10-17", "Statement",
                        statements instanceof List<?> l ? l : List.of(statements)));
            }
        }
        String accessLogFormat = props.get("AccessLogSetting") instanceof Map<?, ?> log && log.get("Format") != null
                ? String.valueOf(log.get("Format")) : null;
        List<Model.Route> routes = new ArrayList<>();
        for (String functionId : resources.keySet()) {
            if (!type(functionId).equals("AWS::Serverless::Function")) {
                continue;
            }
            Map<String, Object> raw = rawProperties(functionId);
            if (!(raw.get("Events") instanceof Map<?, ?> events)) {
                continue;
            }
            for (Map.Entry<?, ?> event : events.entrySet()) {
                Map<?, ?> definition = (Map<?, ?>) event.getValue();
                if (!"Api".equals(definition.get("Type")) || !(definition.get("Properties") instanceof Map<?, ?> p)) {
                    continue;
                }
                if (p.get("RestApiId") instanceof Map<?, ?> ref && id.equals(ref.get("Ref"))) {
                    routes.add(new Model.Route(String.valueOf(p.get("Method")).toUpperCase(Locale.ROOT),
                            String.valueOf(p.get("Path")), functionId));
                }
            }
        }
        return new Model.RestApi(id, physicalId(id), stage, endpointType, authorization, routes, resourcePolicy,
                accessLogFormat);
    }

    private Model.VpcEndpoint endpoint(String id) {
        Map<String, Object> props = properties(id);
        String path = "Resources." + id + ".Properties";
        Object policy = props.get("PolicyDocument");
        return new Model.VpcEndpoint(id, physicalId(id), eval.string(require(props, "VpcId", path), path + ".VpcId"),
                eval.string(require(props, "ServiceName", path), path + ".ServiceName"),
                String.valueOf(props.getOrDefault("VpcEndpointType", "Gateway")),
                policy == null ? null : policy instanceof String s ? s : GSON.toJson(policy),
                truthy(props.get("PrivateDnsEnabled")), dnsEntries(id));
    }

    private Model.DynamoTable table(String id) {
        Map<String, Object> props = properties(id);
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
        return new Model.DynamoTable(id, physicalId(id), keys, attributes, ttl);
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private String type(String id) {
        return String.valueOf(resources.get(id).get("Type"));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> rawProperties(String id) {
        Object props = resources.get(id).get("Properties");
        return props instanceof Map ? (Map<String, Object>) props : Map.of();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> properties(String id) {
        Map<String, Object> known = properties.get(id);
        if (known == null) {
            known = (Map<String, Object>) eval.resolve(rawProperties(id), "Resources." + id + ".Properties");
            properties.put(id, known);
        }
        return known;
    }

    private Object require(Map<String, Object> props, String key, String path) {
        Object value = props.get(key);
        if (value == null) {
            throw eval.error(path + "." + key, "is required");
        }
        return value;
    }

    private static boolean truthy(Object value) {
        return value != null && String.valueOf(value).equalsIgnoreCase("true");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Map<String, Object> template, String key) {
        Object section = template.get(key);
        return section instanceof Map ? (Map<String, Object>) section : Map.of();
    }
}
