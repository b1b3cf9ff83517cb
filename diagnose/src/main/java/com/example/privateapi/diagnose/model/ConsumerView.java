package com.example.privateapi.diagnose.model;

import java.util.List;
import java.util.Map;

/**
 * What was read from the consumer account.
 *
 * @param side         profile, region and stack
 * @param account      the account id
 * @param stack        the client stack
 * @param clients      the direct and the assume-role client, in that order
 * @param endpoint     the execute-api interface endpoint (the stack's APIGatewayEndpointID)
 * @param groups       the security groups of the functions and the endpoints, by id
 * @param subnets      the subnets of the functions and the endpoints, by id
 * @param stsEndpoints the STS interface endpoints in the functions' VPC
 */
public record ConsumerView(Side side, Read<String> account, Read<StackView> stack, List<ClientView> clients,
                           Read<EndpointView> endpoint, Read<Map<String, SecurityGroupView>> groups,
                           Read<Map<String, SubnetView>> subnets, Read<List<EndpointView>> stsEndpoints) {
    public ConsumerView {
        clients = List.copyOf(clients);
    }

    public ClientView client(ClientKind kind) {
        return clients.stream().filter(c -> c.kind() == kind).findFirst().orElseThrow();
    }
}
