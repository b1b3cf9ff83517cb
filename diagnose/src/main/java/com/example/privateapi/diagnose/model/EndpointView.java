package com.example.privateapi.diagnose.model;

import java.util.List;

/**
 * An interface VPC endpoint.
 *
 * @param id               {@code vpce-...}
 * @param vpcId            its VPC
 * @param serviceName      e.g. {@code com.amazonaws.us-east-1.execute-api}
 * @param state            e.g. {@code available}
 * @param policy           the endpoint policy JSON, or null (the default policy allows everything)
 * @param privateDns       whether private DNS is on
 * @param dnsNames         its DNS names (regional first, as EC2 lists them)
 * @param securityGroupIds its security groups
 * @param subnetIds        its subnets
 */
public record EndpointView(String id, String vpcId, String serviceName, String state, String policy,
                           boolean privateDns, List<String> dnsNames, List<String> securityGroupIds,
                           List<String> subnetIds) {
    public EndpointView {
        dnsNames = List.copyOf(dnsNames);
        securityGroupIds = List.copyOf(securityGroupIds);
        subnetIds = List.copyOf(subnetIds);
    }
}
