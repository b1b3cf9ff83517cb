package com.example.privateapi.rehearsal.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Security groups with their rules as EC2 holds them: the group's inline rules, the standalone
 * {@code AWS::EC2::SecurityGroupIngress} and {@code AWS::EC2::SecurityGroupEgress} rules of the stack added to them,
 * and, when the group declares no inline egress, EC2's default rule allowing all traffic out ("AWS::EC2::SecurityGroup",
 * CloudFormation Template Reference: the default egress rule is removed only when the group specifies egress rules).
 */
final class SecurityGroups {

    static final Model.SecurityRule ALLOW_ALL_OUT = new Model.SecurityRule("-1", 0, 65535, "0.0.0.0/0",
            "EC2's default rule of a group that declares no egress");

    private final ModelBuilder.Stack stack;
    private final StackEvaluator eval;

    SecurityGroups(ModelBuilder.Stack stack) {
        this.stack = stack;
        this.eval = stack.evaluator();
    }

    Model.SecurityGroup group(String id) {
        Map<String, Object> props = stack.properties(id);
        String path = "Resources." + id + ".Properties";
        List<Model.SecurityRule> ingress = rules(props.get("SecurityGroupIngress"), path + ".SecurityGroupIngress",
                false);
        List<Model.SecurityRule> egress = props.containsKey("SecurityGroupEgress")
                ? rules(props.get("SecurityGroupEgress"), path + ".SecurityGroupEgress", true)
                : new ArrayList<>(List.of(ALLOW_ALL_OUT));
        return new Model.SecurityGroup(id, stack.physicalId(id), props.containsKey("VpcId")
                ? eval.string(props.get("VpcId"), path + ".VpcId") : null, ingress, egress);
    }

    /** The groups with this stack's standalone rules added to the group they name. */
    List<Model.SecurityGroup> withStandaloneRules(List<Model.SecurityGroup> groups) {
        List<Model.SecurityGroup> out = new ArrayList<>();
        for (Model.SecurityGroup group : groups) {
            List<Model.SecurityRule> ingress = new ArrayList<>(group.ingress());
            List<Model.SecurityRule> egress = new ArrayList<>(group.egress());
            for (String id : stack.logicalIds()) {
                String type = stack.type(id);
                boolean isEgress = type.equals("AWS::EC2::SecurityGroupEgress");
                if (!isEgress && !type.equals("AWS::EC2::SecurityGroupIngress")) {
                    continue;
                }
                Map<String, Object> props = stack.properties(id);
                String path = "Resources." + id + ".Properties";
                if (group.id().equals(eval.string(props.get("GroupId"), path + ".GroupId"))) {
                    (isEgress ? egress : ingress).add(rule(props, path, isEgress));
                }
            }
            out.add(new Model.SecurityGroup(group.logicalId(), group.id(), group.vpcId(), ingress, egress));
        }
        return out;
    }

    private List<Model.SecurityRule> rules(Object declared, String path, boolean egress) {
        List<Model.SecurityRule> rules = new ArrayList<>();
        if (declared instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                if (!(list.get(i) instanceof Map<?, ?> rule)) {
                    throw eval.error(path + "[" + i + "]", "must be a mapping");
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> props = (Map<String, Object>) rule;
                rules.add(rule(props, path + "[" + i + "]", egress));
            }
        }
        return rules;
    }

    private Model.SecurityRule rule(Map<String, Object> props, String path, boolean egress) {
        String protocol = eval.string(props.getOrDefault("IpProtocol", "-1"), path + ".IpProtocol");
        boolean allPorts = protocol.equals("-1");
        int from = allPorts ? 0 : Integer.parseInt(eval.string(props.getOrDefault("FromPort", -1), path + ".FromPort"));
        int to = allPorts ? 65535 : Integer.parseInt(eval.string(props.getOrDefault("ToPort", -1), path + ".ToPort"));
        String peer = null;
        for (String key : egress ? List.of("CidrIp", "DestinationSecurityGroupId", "DestinationPrefixListId")
                : List.of("CidrIp", "SourceSecurityGroupId", "SourcePrefixListId")) {
            if (props.get(key) != null) {
                peer = eval.string(props.get(key), path + "." + key);
            }
        }
        if (peer == null) {
            throw eval.error(path, "the rehearsal needs an IPv4 CIDR, a security group or a prefix list as the "
                    + (egress ? "destination" : "source"));
        }
        return new Model.SecurityRule(protocol.toLowerCase(java.util.Locale.ROOT), from, to, peer,
                props.get("Description") == null ? null : String.valueOf(props.get("Description")));
    }
}
