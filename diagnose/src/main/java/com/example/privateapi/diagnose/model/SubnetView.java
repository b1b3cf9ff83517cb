package com.example.privateapi.diagnose.model;

/**
 * A subnet.
 *
 * @param id    {@code subnet-...}
 * @param vpcId its VPC
 * @param cidr  its IPv4 range
 */
public record SubnetView(String id, String vpcId, String cidr) {
}
