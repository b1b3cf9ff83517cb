package com.example.privateapi.rehearsal.gateway;

import com.example.privateapi.iam.Policy;

/**
 * An interface VPC endpoint for execute-api: one gateway listener stands for it.
 *
 * @param id     {@code vpce-...}
 * @param vpcId  the VPC it lives in
 * @param policy the endpoint policy, parsed when the stack was applied, or null (the default policy allows
 *               everything)
 */
public record VpcEndpoint(String id, String vpcId, Policy policy) {
}
