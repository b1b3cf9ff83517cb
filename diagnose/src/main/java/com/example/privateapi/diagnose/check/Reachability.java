package com.example.privateapi.diagnose.check;

import com.example.privateapi.diagnose.model.EndpointView;
import com.example.privateapi.diagnose.model.FunctionView;
import com.example.privateapi.diagnose.model.SecurityGroupView;
import com.example.privateapi.diagnose.model.SubnetView;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Whether the security groups let a function open HTTPS connections to an interface endpoint: the same VPC, an
 * egress rule of one of the function's groups towards the endpoint (its group or a range covering its subnets),
 * and an ingress rule of one of the endpoint's groups from the function (likewise).
 */
final class Reachability {

    private static final int HTTPS = 443;

    /**
     * The answer.
     *
     * @param allowed  whether the path exists
     * @param found    what allows it, or what is missing
     * @param fixes    for a missing path, what to change
     */
    record Path(boolean allowed, String found, List<String> fixes) {
    }

    private Reachability() {
    }

    static Path https(FunctionView function, EndpointView endpoint, Map<String, SecurityGroupView> groups,
                      Map<String, SubnetView> subnets, String consumerStack, String profile) {
        if (function.subnetIds().isEmpty()) {
            return new Path(false, "the function is not in a VPC", List.of("fix: update the consumer stack "
                    + consumerStack + ": it puts the function in the endpoint's VPC"));
        }
        Set<String> functionVpcs = new LinkedHashSet<>();
        function.subnetIds().stream().map(subnets::get).filter(Objects::nonNull).forEach(s -> functionVpcs.add(
                s.vpcId()));
        if (!functionVpcs.isEmpty() && !functionVpcs.equals(Set.of(endpoint.vpcId()))) {
            return new Path(false, "the function runs in " + String.join(", ", functionVpcs) + ", the endpoint is in "
                    + endpoint.vpcId(), List.of("fix: update the consumer stack " + consumerStack
                    + ": it puts the functions and the endpoints in one VPC"));
        }
        List<String> functionCidrs = cidrs(function.subnetIds(), subnets);
        List<String> endpointCidrs = cidrs(endpoint.subnetIds(), subnets);
        String egress = find(function.securityGroupIds(), groups, true, endpoint.securityGroupIds(), endpointCidrs);
        String ingress = find(endpoint.securityGroupIds(), groups, false, function.securityGroupIds(),
                functionCidrs);
        if (egress != null && ingress != null) {
            return new Path(true, "HTTPS allowed out of " + egress + " and into " + ingress, List.of());
        }
        List<String> missing = new ArrayList<>();
        List<String> fixes = new ArrayList<>();
        String functionGroup = function.securityGroupIds().isEmpty() ? "<function group>"
                : function.securityGroupIds().get(0);
        String endpointGroup = endpoint.securityGroupIds().isEmpty() ? "<endpoint group>"
                : endpoint.securityGroupIds().get(0);
        if (egress == null) {
            missing.add("no egress rule of " + String.join(", ", function.securityGroupIds()) + " allows HTTPS (tcp "
                    + HTTPS + ") to the endpoint's group " + String.join(", ", endpoint.securityGroupIds())
                    + " or subnets");
            fixes.add("fix: update the consumer stack " + consumerStack + " to restore its egress rule, or run: "
                    + "aws ec2 authorize-security-group-egress --group-id " + functionGroup + " --ip-permissions "
                    + "'IpProtocol=tcp,FromPort=443,ToPort=443,UserIdGroupPairs=[{GroupId=" + endpointGroup
                    + "}]' --profile " + profile);
        }
        if (ingress == null) {
            missing.add("no ingress rule of " + String.join(", ", endpoint.securityGroupIds()) + " allows HTTPS (tcp "
                    + HTTPS + ") from the function's group " + String.join(", ", function.securityGroupIds())
                    + " or subnets");
            fixes.add("fix: update the consumer stack " + consumerStack + " to restore its ingress rule, or run: "
                    + "aws ec2 authorize-security-group-ingress --group-id " + endpointGroup + " --ip-permissions "
                    + "'IpProtocol=tcp,FromPort=443,ToPort=443,UserIdGroupPairs=[{GroupId=" + functionGroup
                    + "}]' --profile " + profile);
        }
        return new Path(false, String.join("; ", missing) + ": the connection times out", fixes);
    }

    /** Whether the function's groups let HTTPS out to anywhere (a route beyond the VPC is not visible here). */
    static String anywhere(FunctionView function, Map<String, SecurityGroupView> groups) {
        for (String id : function.securityGroupIds()) {
            SecurityGroupView group = groups.get(id);
            if (group == null) {
                continue;
            }
            for (SecurityGroupView.Rule rule : group.egress()) {
                if (rule.coversTcp(HTTPS) && rule.cidrs().contains("0.0.0.0/0")) {
                    return id;
                }
            }
        }
        return null;
    }

    /** The first group among {@code own} with a rule that lets HTTPS to/from the peer; null if none. */
    private static String find(List<String> own, Map<String, SecurityGroupView> groups, boolean egress,
                               List<String> peerGroups, List<String> peerCidrs) {
        for (String id : own) {
            SecurityGroupView group = groups.get(id);
            if (group == null) {
                continue;
            }
            for (SecurityGroupView.Rule rule : egress ? group.egress() : group.ingress()) {
                if (!rule.coversTcp(HTTPS)) {
                    continue;
                }
                boolean byGroup = rule.groupIds().stream().anyMatch(peerGroups::contains);
                boolean byRange = !peerCidrs.isEmpty() && rule.cidrs().stream()
                        .anyMatch(range -> peerCidrs.stream().allMatch(peer -> Cidr.covers(range, peer)));
                if (byGroup || byRange) {
                    return id;
                }
            }
        }
        return null;
    }

    private static List<String> cidrs(List<String> subnetIds, Map<String, SubnetView> subnets) {
        return subnetIds.stream().map(subnets::get).filter(Objects::nonNull).map(SubnetView::cidr)
                .filter(Objects::nonNull).toList();
    }
}
