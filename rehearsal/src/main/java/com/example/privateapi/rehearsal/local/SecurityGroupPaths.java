package com.example.privateapi.rehearsal.local;

import com.example.privateapi.rehearsal.template.Model;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether the security groups of the stacks let a function open an HTTPS connection to a destination, as EC2
 * decides it ("Security group rules", Amazon VPC User Guide): an egress rule of one of the function's groups must
 * allow TCP 443 to the destination (its security group, a CIDR holding its address, or its prefix list), and for a
 * destination with security groups (an interface endpoint) an ingress rule of one of them must allow it from the
 * function (one of its groups, or a CIDR holding its address). Groups the stacks do not define are not checked.
 * Addresses are the tenth of the function's first subnet and the fifth of the endpoint's.
 */
final class SecurityGroupPaths {

    private static final int HTTPS = 443;

    /**
     * A destination of a path.
     *
     * @param name             what it is, for explanations ("the execute-api endpoint vpce-...")
     * @param securityGroupIds its groups (an interface endpoint's), or empty for a service outside the VPC
     * @param address          its IPv4 address, or null when it is a public service address
     * @param prefixListId     the AWS-managed prefix list that holds it, or null
     */
    record Destination(String name, List<String> securityGroupIds, String address, String prefixListId) {
    }

    private final Map<String, Model.SecurityGroup> groups;
    private final Map<String, Model.Subnet> subnets;

    SecurityGroupPaths(Map<String, Model.SecurityGroup> groups, Map<String, Model.Subnet> subnets) {
        this.groups = groups;
        this.subnets = subnets;
    }

    /** The address of an interface endpoint in its first subnet, or null when the subnet's CIDR is unknown. */
    String endpointAddress(Model.VpcEndpoint endpoint) {
        return address(endpoint.subnetIds(), 5);
    }

    /** Why the function cannot reach the destination over HTTPS, or empty when its security groups allow it. */
    Optional<String> blocked(Model.LambdaFunction function, Destination destination) {
        if (function.vpcConfig() == null) {
            return Optional.empty();
        }
        List<String> own = function.vpcConfig().securityGroupIds();
        if (own.stream().anyMatch(id -> !groups.containsKey(id))
                || destination.securityGroupIds().stream().anyMatch(id -> !groups.containsKey(id))) {
            return Optional.empty();
        }
        String source = address(function.vpcConfig().subnetIds(), 10);
        boolean egress = own.stream().map(groups::get).flatMap(g -> g.egress().stream())
                .anyMatch(rule -> https(rule) && (destination.securityGroupIds().contains(rule.peer())
                        || rule.peer().equals(destination.prefixListId())
                        || holds(rule.peer(), destination.address())));
        if (!egress) {
            return Optional.of("no egress rule of the function's security groups, " + describe(own) + ", allows TCP "
                    + HTTPS + " to " + destination.name() + allowedBy(destination));
        }
        if (destination.securityGroupIds().isEmpty()) {
            return Optional.empty();
        }
        boolean ingress = destination.securityGroupIds().stream().map(groups::get).flatMap(g -> g.ingress().stream())
                .anyMatch(rule -> https(rule) && (own.contains(rule.peer()) || holds(rule.peer(), source)));
        return ingress ? Optional.empty() : Optional.of("no ingress rule of the security groups of "
                + destination.name() + ", " + describe(destination.securityGroupIds()) + ", allows TCP " + HTTPS
                + " from " + describe(own) + (source == null ? "" : " or " + source));
    }

    private static String allowedBy(Destination destination) {
        List<String> forms = new ArrayList<>(destination.securityGroupIds());
        if (destination.prefixListId() != null) {
            forms.add("prefix list " + destination.prefixListId());
        }
        forms.add(destination.address() == null ? "0.0.0.0/0" : "a CIDR holding " + destination.address());
        return " (a rule to " + String.join(" or ", forms) + " would)";
    }

    private String describe(List<String> ids) {
        return String.join(", ", ids.stream().map(id -> id + " (" + groups.get(id).logicalId() + ")").toList());
    }

    private static boolean https(Model.SecurityRule rule) {
        boolean tcp = rule.protocol().equals("tcp") || rule.protocol().equals("6") || rule.protocol().equals("-1");
        return tcp && rule.fromPort() <= HTTPS && HTTPS <= rule.toPort();
    }

    private String address(List<String> subnetIds, int host) {
        if (subnetIds.isEmpty() || subnets.get(subnetIds.get(0)) == null
                || subnets.get(subnetIds.get(0)).cidr() == null) {
            return null;
        }
        String cidr = subnets.get(subnetIds.get(0)).cidr();
        BigInteger network = toNumber(cidr.substring(0, cidr.indexOf('/')));
        return fromNumber(network.add(BigInteger.valueOf(host)));
    }

    /** Whether the CIDR holds the address; a public address (null) only in 0.0.0.0/0. */
    private static boolean holds(String cidr, String address) {
        if (!cidr.contains("/") || cidr.startsWith("sg-") || cidr.startsWith("pl-")) {
            return false;
        }
        int bits = Integer.parseInt(cidr.substring(cidr.indexOf('/') + 1));
        if (bits == 0) {
            return true;
        }
        if (address == null) {
            return false;
        }
        BigInteger mask = BigInteger.ONE.shiftLeft(32).subtract(BigInteger.ONE.shiftLeft(32 - bits));
        return toNumber(cidr.substring(0, cidr.indexOf('/'))).and(mask).equals(toNumber(address).and(mask));
    }

    private static BigInteger toNumber(String address) {
        try {
            return new BigInteger(1, InetAddress.getByName(address).getAddress());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IPv4 address: " + address, e);
        }
    }

    private static String fromNumber(BigInteger number) {
        long value = number.longValue();
        return ((value >> 24) & 255) + "." + ((value >> 16) & 255) + "." + ((value >> 8) & 255) + "." + (value & 255);
    }
}
