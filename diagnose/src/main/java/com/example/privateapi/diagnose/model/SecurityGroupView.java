package com.example.privateapi.diagnose.model;

import java.util.List;

/**
 * A security group's rules.
 *
 * @param id      {@code sg-...}
 * @param vpcId   its VPC
 * @param ingress inbound rules
 * @param egress  outbound rules
 */
public record SecurityGroupView(String id, String vpcId, List<Rule> ingress, List<Rule> egress) {
    public SecurityGroupView {
        ingress = List.copyOf(ingress);
        egress = List.copyOf(egress);
    }

    /**
     * One rule: a protocol and port range, and the peers it allows.
     *
     * @param protocol    {@code tcp}, {@code udp}, {@code icmp}, a number, or {@code -1} for all
     * @param fromPort    first port, null for all
     * @param toPort      last port, null for all
     * @param groupIds    peer security groups
     * @param cidrs       peer IPv4 ranges
     * @param prefixLists peer managed prefix lists
     */
    public record Rule(String protocol, Integer fromPort, Integer toPort, List<String> groupIds, List<String> cidrs,
                       List<String> prefixLists) {
        public Rule {
            groupIds = List.copyOf(groupIds);
            cidrs = List.copyOf(cidrs);
            prefixLists = List.copyOf(prefixLists);
        }

        /** Whether TCP traffic to {@code port} is in this rule's protocol and port range. */
        public boolean coversTcp(int port) {
            boolean allProtocols = protocol.equals("-1") || protocol.equalsIgnoreCase("all");
            if (allProtocols) {
                return true;
            }
            if (!protocol.equalsIgnoreCase("tcp") && !protocol.equals("6")) {
                return false;
            }
            return (fromPort == null || fromPort == -1 || fromPort <= port) && (toPort == null || toPort == -1
                    || toPort >= port);
        }
    }
}
