package com.example.privateapi.diagnose.aws;

import com.example.privateapi.diagnose.model.ClientKind;
import com.example.privateapi.diagnose.model.ClientView;
import com.example.privateapi.diagnose.model.ConsumerView;
import com.example.privateapi.diagnose.model.EndpointView;
import com.example.privateapi.diagnose.model.FunctionView;
import com.example.privateapi.diagnose.model.Read;
import com.example.privateapi.diagnose.model.SecurityGroupView;
import com.example.privateapi.diagnose.model.Side;
import com.example.privateapi.diagnose.model.StackView;
import com.example.privateapi.diagnose.model.SubnetView;
import software.amazon.awssdk.services.ec2.model.DnsEntry;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.PrefixListId;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.SecurityGroupIdentifier;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the consumer account: the client stack, its functions and their roles, the endpoints and the network. */
public final class ConsumerReader {

    private final AwsAccount aws;
    private final Side side;
    private final Attempt attempt;
    private final StackReader stacks;
    private final RoleReader roles;

    public ConsumerReader(AwsAccount aws, String stack) {
        this.aws = aws;
        this.side = new Side("consumer", aws.access().profile(), aws.access().region(), stack);
        this.attempt = new Attempt(side.profile());
        this.stacks = new StackReader(aws, attempt);
        this.roles = new RoleReader(aws, attempt);
    }

    public ConsumerView read() {
        Read<String> account = attempt.read(Call.GET_CALLER_IDENTITY, "the account of profile " + side.profile(),
                null, () -> aws.sts.getCallerIdentity().account());
        if (account instanceof Read.Failed<String> failed) {
            // Nothing else can be read with credentials that do not work: one line says so.
            List<ClientView> clients = new ArrayList<>();
            for (ClientKind kind : ClientKind.values()) {
                clients.add(new ClientView(kind, null, false, failed.as(), failed.as()));
            }
            return new ConsumerView(side, account, failed.as(), clients, failed.as(), failed.as(), failed.as(),
                    failed.as());
        }
        Read<StackView> stack = stacks.read(side, account.get().orElseThrow());
        List<ClientView> clients = new ArrayList<>();
        for (ClientKind kind : ClientKind.values()) {
            String name = stack.get().map(s -> s.output(kind.output())).orElse(null);
            Read<FunctionView> function = name == null ? stack.then(s -> Read.failed("the " + kind.label(),
                    "stack " + s.name() + " has no output " + kind.output())) : function(kind, name);
            boolean absent = stack.isOk() && name == null;
            clients.add(new ClientView(kind, name, absent, function, function.then(f -> roles.read(f.roleArn()))));
        }
        Read<EndpointView> endpoint = stack.then(s -> {
            String id = s.output("APIGatewayEndpointID");
            return id == null ? Read.failed("the execute-api endpoint", "stack " + s.name()
                    + " has no output APIGatewayEndpointID") : endpoint(id);
        });

        Set<String> subnetIds = new LinkedHashSet<>();
        Set<String> groupIds = new LinkedHashSet<>();
        for (ClientView client : clients) {
            client.function().get().ifPresent(f -> {
                subnetIds.addAll(f.subnetIds());
                groupIds.addAll(f.securityGroupIds());
            });
        }
        endpoint.get().ifPresent(e -> {
            subnetIds.addAll(e.subnetIds());
            groupIds.addAll(e.securityGroupIds());
        });
        Read<Map<String, SubnetView>> subnets = subnets(subnetIds);
        // The functions' VPC is their subnets' (read anyway, for their address ranges).
        Read<List<EndpointView>> stsEndpoints = subnets.then(all -> {
            Set<String> functionVpcs = new LinkedHashSet<>();
            for (ClientView client : clients) {
                client.function().get().ifPresent(f -> f.subnetIds().stream().map(all::get)
                        .filter(s -> s != null).forEach(s -> functionVpcs.add(s.vpcId())));
            }
            return stsEndpoints(functionVpcs);
        });
        Set<String> stsSubnets = new LinkedHashSet<>();
        stsEndpoints.get().ifPresent(list -> list.forEach(e -> {
            groupIds.addAll(e.securityGroupIds());
            e.subnetIds().stream().filter(id -> !subnetIds.contains(id)).forEach(stsSubnets::add);
        }));
        Read<Map<String, SubnetView>> allSubnets = stsSubnets.isEmpty() ? subnets
                : subnets.then(first -> subnets(stsSubnets).map(more -> {
                    Map<String, SubnetView> merged = new LinkedHashMap<>(first);
                    merged.putAll(more);
                    return merged;
                }));
        Read<Map<String, SecurityGroupView>> groups = groups(groupIds);
        return new ConsumerView(side, account, stack, clients, endpoint, groups, allSubnets, stsEndpoints);
    }

    private Read<FunctionView> function(ClientKind kind, String name) {
        return attempt.read(Call.GET_FUNCTION_CONFIGURATION, "the " + kind.label() + " function " + name,
                "it does not exist", () -> {
                    GetFunctionConfigurationResponse f = aws.lambda.getFunctionConfiguration(r -> r.functionName(name));
                    Map<String, String> env = f.environment() == null || f.environment().variables() == null
                            ? Map.of() : f.environment().variables();
                    List<String> subnets = f.vpcConfig() == null ? List.of() : f.vpcConfig().subnetIds();
                    List<String> groups = f.vpcConfig() == null ? List.of() : f.vpcConfig().securityGroupIds();
                    return new FunctionView(name, f.functionName(), f.role(), env, subnets, groups);
                });
    }

    private Read<EndpointView> endpoint(String id) {
        return attempt.read(Call.DESCRIBE_VPC_ENDPOINTS, "the execute-api endpoint " + id, "it does not exist",
                () -> aws.ec2.describeVpcEndpoints(r -> r.vpcEndpointIds(id)).vpcEndpoints().stream().findFirst()
                        .map(ConsumerReader::endpointView)
                        .orElseThrow(() -> new Attempt.NotFound("it does not exist")));
    }

    private Read<List<EndpointView>> stsEndpoints(Set<String> vpcIds) {
        if (vpcIds.isEmpty()) {
            return Read.ok(List.of());
        }
        String service = "com.amazonaws." + side.region() + ".sts";
        return attempt.read(Call.DESCRIBE_VPC_ENDPOINTS, "the STS endpoints of " + String.join(", ", vpcIds), null,
                () -> aws.ec2.describeVpcEndpointsPaginator(r -> r.filters(
                                Filter.builder().name("vpc-id").values(vpcIds).build(),
                                Filter.builder().name("service-name").values(service).build()))
                        .vpcEndpoints().stream().map(ConsumerReader::endpointView).toList());
    }

    private static EndpointView endpointView(VpcEndpoint e) {
        return new EndpointView(e.vpcEndpointId(), e.vpcId(), e.serviceName(), e.stateAsString(),
                e.policyDocument(), Boolean.TRUE.equals(e.privateDnsEnabled()),
                e.dnsEntries().stream().map(DnsEntry::dnsName).toList(),
                e.groups().stream().map(SecurityGroupIdentifier::groupId).toList(), e.subnetIds());
    }

    private Read<Map<String, SubnetView>> subnets(Set<String> ids) {
        if (ids.isEmpty()) {
            return Read.ok(Map.of());
        }
        return attempt.read(Call.DESCRIBE_SUBNETS, "the subnets " + String.join(", ", ids),
                "one of them does not exist", () -> {
                    Map<String, SubnetView> found = new LinkedHashMap<>();
                    aws.ec2.describeSubnets(r -> r.subnetIds(ids)).subnets().forEach(s ->
                            found.put(s.subnetId(), new SubnetView(s.subnetId(), s.vpcId(), s.cidrBlock())));
                    return found;
                });
    }

    private Read<Map<String, SecurityGroupView>> groups(Set<String> ids) {
        if (ids.isEmpty()) {
            return Read.ok(Map.of());
        }
        return attempt.read(Call.DESCRIBE_SECURITY_GROUPS, "the security groups " + String.join(", ", ids),
                "one of them does not exist", () -> {
                    Map<String, SecurityGroupView> found = new LinkedHashMap<>();
                    for (SecurityGroup g : aws.ec2.describeSecurityGroups(r -> r.groupIds(ids)).securityGroups()) {
                        found.put(g.groupId(), new SecurityGroupView(g.groupId(), g.vpcId(),
                                rules(g.ipPermissions()), rules(g.ipPermissionsEgress())));
                    }
                    return found;
                });
    }

    private static List<SecurityGroupView.Rule> rules(List<IpPermission> permissions) {
        return permissions.stream().map(p -> new SecurityGroupView.Rule(p.ipProtocol(), p.fromPort(), p.toPort(),
                p.userIdGroupPairs().stream().map(UserIdGroupPair::groupId).toList(),
                p.ipRanges().stream().map(IpRange::cidrIp).toList(),
                p.prefixListIds().stream().map(PrefixListId::prefixListId).toList())).toList();
    }
}
