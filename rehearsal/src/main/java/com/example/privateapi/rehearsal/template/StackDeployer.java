package com.example.privateapi.rehearsal.template;

import com.example.privateapi.rehearsal.template.sam.SamTransform;
import com.example.privateapi.rehearsal.template.sam.TransformException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Deploys one template in the rehearsal as CloudFormation would: resolves its parameters, applies the SAM transform
 * ({@link SamTransform}), evaluates conditions and intrinsic functions with physical ids that depend only on the
 * stack and logical ids, deploys nested stacks, and hands the resources to {@link ModelBuilder}. Resource types it
 * does not know are refused by name.
 */
final class StackDeployer implements StackEvaluator.AttributeSource, ModelBuilder.Stack {

    /** Resource types only given ids here: the rehearsal models no behaviour of theirs. */
    private static final Set<String> INERT = Set.of("AWS::EC2::RouteTable", "AWS::EC2::SubnetRouteTableAssociation",
            "AWS::Logs::LogGroup", "AWS::WAFv2::WebACL", "AWS::WAFv2::WebACLAssociation", "AWS::ApiGateway::Account",
            "AWS::KMS::Key");
    private static final String LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final String UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final String HEX = "0123456789abcdef";

    private final TemplateReader reader;
    private final Path file;
    private final String name;
    private final DeployTarget target;
    private final Map<String, Map<String, Object>> resources = new LinkedHashMap<>();
    private final Map<String, String> ids = new HashMap<>();
    private final Set<String> resolvingIds = new HashSet<>();
    private final Map<String, DeployedStack> nested = new HashMap<>();
    private final Map<String, Map<String, Object>> properties = new HashMap<>();
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
        Map<String, Object> parameters = ParameterResolver.resolve(name, section(template, "Parameters"), overrides);
        if (transforms(template.get("Transform"))) {
            try {
                template = new SamTransform().apply(template, parameters);
            } catch (TransformException e) {
                throw new TemplateException(name + ": " + e.getMessage());
            }
        }
        eval = new StackEvaluator(name, target, parameters, section(template, "Conditions"),
                section(template, "Mappings"), this::physicalId, this);
        Rules.check(eval, section(template, "Rules"));

        for (Map.Entry<String, Object> entry : section(template, "Resources").entrySet()) {
            String id = entry.getKey();
            if (!(entry.getValue() instanceof Map)) {
                throw eval.error("Resources." + id, "must be a mapping");
            }
            Map<String, Object> resource = (Map<String, Object>) entry.getValue();
            String type = String.valueOf(resource.get("Type"));
            if (!INERT.contains(type) && !ModelBuilder.TYPES.contains(type)) {
                throw eval.error("Resources." + id + ".Type", "resource type " + type + " is not supported by the "
                        + "rehearsal");
            }
            if (resource.containsKey("Condition")
                    && !eval.condition(String.valueOf(resource.get("Condition")), "Resources." + id + ".Condition")) {
                continue;
            }
            resources.put(id, resource);
        }
        DeployedStack.Resources model = new ModelBuilder(this).build();
        return new DeployedStack(target.stackName(), outputs(section(template, "Outputs")), joined(parameters), model,
                nested);
    }

    private boolean transforms(Object transform) {
        List<?> transforms = transform == null ? List.of() : transform instanceof List<?> l ? l : List.of(transform);
        for (Object t : transforms) {
            if (!SamTransform.NAME.equals(t)) {
                throw new TemplateException(name + ": Transform: " + t + " is not supported by the rehearsal (only "
                        + SamTransform.NAME + ")");
            }
        }
        return !transforms.isEmpty();
    }

    private Map<String, String> outputs(Map<String, Object> section) {
        Map<String, String> outputs = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : section.entrySet()) {
            Map<?, ?> output = (Map<?, ?>) entry.getValue();
            String path = "Outputs." + entry.getKey();
            if (output.containsKey("Condition") && !eval.condition(String.valueOf(output.get("Condition")), path)) {
                continue;
            }
            Object value = eval.resolve(output.get("Value"), path + ".Value");
            outputs.put(entry.getKey(), value instanceof List<?> l ? joined(l) : eval.string(value, path));
        }
        return outputs;
    }

    private static Map<String, String> joined(Map<String, Object> parameters) {
        Map<String, String> out = new LinkedHashMap<>();
        parameters.forEach((k, v) -> out.put(k, v instanceof List<?> l ? joined(l) : String.valueOf(v)));
        return out;
    }

    private static String joined(List<?> list) {
        return String.join(",", list.stream().map(String::valueOf).toList());
    }

    // --- what the model builder reads -------------------------------------------------------------------------

    @Override
    public Set<String> logicalIds() {
        return resources.keySet();
    }

    @Override
    public String type(String id) {
        return String.valueOf(resources.get(id).get("Type"));
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> properties(String id) {
        Map<String, Object> known = properties.get(id);
        if (known == null) {
            known = (Map<String, Object>) eval.resolve(rawProperties(id), "Resources." + id + ".Properties");
            properties.put(id, known);
        }
        return known;
    }

    @Override
    public StackEvaluator evaluator() {
        return eval;
    }

    @Override
    public DeployTarget target() {
        return target;
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public DeployedStack nestedStack(String id) {
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
        if (props.getOrDefault("Parameters", Map.of()) instanceof Map<?, ?> map) {
            map.forEach((k, v) -> params.put((String) k, v instanceof List<?> l ? joined(l)
                    : eval.string(v, "Resources." + id + ".Properties.Parameters." + k)));
        }
        DeployedStack stack = reader.deploy(file.resolveSibling(url), params,
                new DeployTarget(target.accountId(), target.region(), nestedName(id)));
        nested.put(id, stack);
        return stack;
    }

    // --- ids and attributes -------------------------------------------------------------------------------------

    @Override
    public boolean exists(String logicalId) {
        return resources.containsKey(logicalId);
    }

    @Override
    public String physicalId(String id) {
        String known = ids.get(id);
        if (known != null) {
            return known;
        }
        if (!resolvingIds.add(id)) {
            throw eval.error("Resources." + id, "its name depends on itself");
        }
        String seed = seed(id);
        String generated = target.stackName() + "-" + id + "-" + StackEvaluator.stableId(seed, UPPER_ALNUM, 12);
        if (generated.length() > 64) {
            generated = generated.substring(0, 51) + "-" + StackEvaluator.stableId(seed, UPPER_ALNUM, 12);
        }
        String value = switch (type(id)) {
            case "AWS::Lambda::Function" -> named(id, "FunctionName", generated);
            case "AWS::IAM::Role" -> named(id, "RoleName", generated);
            case "AWS::DynamoDB::Table" -> named(id, "TableName", generated);
            case "AWS::Logs::LogGroup" -> named(id, "LogGroupName", generated);
            case "AWS::ApiGateway::RestApi" -> StackEvaluator.stableId(seed, LOWER_ALNUM, 10);
            case "AWS::ApiGateway::Deployment" -> StackEvaluator.stableId(seed, LOWER_ALNUM, 6);
            case "AWS::ApiGateway::Stage" -> eval.string(properties(id).get("StageName"),
                    "Resources." + id + ".Properties.StageName");
            case "AWS::Lambda::Version" -> functionArn(id) + ":1";
            case "AWS::Lambda::Alias" -> functionArn(id) + ":" + eval.string(properties(id).get("Name"),
                    "Resources." + id + ".Properties.Name");
            case "AWS::EC2::VPCEndpoint" -> "vpce-" + StackEvaluator.stableId(seed, HEX, 17);
            case "AWS::EC2::VPC" -> "vpc-" + StackEvaluator.stableId(seed, HEX, 17);
            case "AWS::EC2::Subnet" -> "subnet-" + StackEvaluator.stableId(seed, HEX, 17);
            case "AWS::EC2::RouteTable" -> "rtb-" + StackEvaluator.stableId(seed, HEX, 17);
            case "AWS::EC2::SecurityGroup" -> "sg-" + StackEvaluator.stableId(seed, HEX, 17);
            case "AWS::EC2::SecurityGroupEgress", "AWS::EC2::SecurityGroupIngress" ->
                    "sgr-" + StackEvaluator.stableId(seed, HEX, 17);
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

    /** The unqualified ARN of the function a version or alias belongs to. */
    private String functionArn(String id) {
        String function = eval.string(properties(id).get("FunctionName"), "Resources." + id
                + ".Properties.FunctionName");
        return function.startsWith("arn:") ? function : "arn:aws:lambda:" + target.region() + ":" + target.accountId()
                + ":function:" + function;
    }

    @Override
    public Object attribute(String id, String attribute, String path) {
        String type = type(id);
        String physical = physicalId(id);
        String account = target.accountId();
        String region = target.region();
        switch (type + "." + attribute) {
            case "AWS::Lambda::Function.Arn":
                return "arn:aws:lambda:" + region + ":" + account + ":function:" + physical;
            case "AWS::Lambda::Version.Version":
                return physical.substring(physical.lastIndexOf(':') + 1);
            case "AWS::Lambda::Version.FunctionArn":
                return physical;
            case "AWS::IAM::Role.Arn":
                return "arn:aws:iam::" + account + ":role/" + physical;
            case "AWS::IAM::Role.RoleId":
                return "AROA" + StackEvaluator.stableId(seed(id), UPPER_ALNUM, 17);
            case "AWS::DynamoDB::Table.Arn":
                return "arn:aws:dynamodb:" + region + ":" + account + ":table/" + physical;
            case "AWS::Logs::LogGroup.Arn":
                return "arn:aws:logs:" + region + ":" + account + ":log-group:" + physical + ":*";
            case "AWS::WAFv2::WebACL.Arn":
                return "arn:aws:wafv2:" + region + ":" + account + ":regional/webacl/" + id + "/" + physical;
            case "AWS::WAFv2::WebACL.Id", "AWS::EC2::VPCEndpoint.Id", "AWS::EC2::SecurityGroup.GroupId",
                 "AWS::EC2::VPC.VpcId", "AWS::EC2::Subnet.SubnetId":
                return physical;
            case "AWS::EC2::VPC.CidrBlock":
                return eval.string(properties(id).get("CidrBlock"), path);
            case "AWS::EC2::VPCEndpoint.DnsEntries":
                return ModelBuilder.dnsEntries(this, id);
            case "AWS::ApiGateway::RestApi.RootResourceId":
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

    private String nestedName(String id) {
        return target.stackName() + "-" + id + "-" + StackEvaluator.stableId(seed(id), UPPER_ALNUM, 12);
    }

    /**
     * What a generated id depends on: the account, the stack and the logical id, so that an update keeps it and
     * stacks of the same name in two accounts differ, as on AWS.
     */
    private String seed(String id) {
        return target.accountId() + "/" + target.stackName() + "/" + id;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> rawProperties(String id) {
        Object props = resources.get(id).get("Properties");
        return props instanceof Map ? (Map<String, Object>) props : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Map<String, Object> template, String key) {
        Object section = template.get(key);
        return section instanceof Map ? (Map<String, Object>) section : Map.of();
    }

    static List<String> strings(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(item -> out.add(ParameterResolver.scalar(item)));
        } else if (value != null) {
            out.add(ParameterResolver.scalar(value));
        }
        return out;
    }
}
