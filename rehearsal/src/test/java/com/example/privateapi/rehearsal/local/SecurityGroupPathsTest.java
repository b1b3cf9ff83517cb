package com.example.privateapi.rehearsal.local;

import com.example.privateapi.rehearsal.template.Model;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Control traffic to your AWS resources using security groups" and "Security group rules" (Amazon VPC User Guide):
 * security groups are stateful and allow only what a rule allows; an outbound rule names a destination CIDR, security
 * group or prefix list, an inbound rule a source; traffic between two groups needs the sender's egress and the
 * receiver's ingress.
 */
class SecurityGroupPathsTest {

    static final Model.Subnet LAMBDA_SUBNET = new Model.Subnet("A", "subnet-a", "vpc-1", "10.20.0.0/24");
    static final Model.Subnet ENDPOINT_SUBNET = new Model.Subnet("B", "subnet-b", "vpc-1", "10.20.1.0/24");
    static final Model.VpcEndpoint ENDPOINT = new Model.VpcEndpoint("Ep", "vpce-1", "vpc-1",
            "com.amazonaws.us-east-1.execute-api", "Interface", null, true, List.of(), List.of("sg-endpoint"),
            List.of("subnet-b"));

    static Model.SecurityRule tcp443(String peer) {
        return new Model.SecurityRule("tcp", 443, 443, peer, null);
    }

    static Model.LambdaFunction function(String... groups) {
        return new Model.LambdaFunction("Fn", "fn", "arn:aws:lambda:us-east-1:111111111111:function:fn", "h::h",
                "target/x.jar", null, "java21", Map.of(), Duration.ofSeconds(3), 128, "arn:aws:iam::1:role/r",
                new Model.VpcConfig(List.of(groups), List.of("subnet-a")), null, false);
    }

    static Optional<String> path(List<Model.SecurityRule> clientEgress, List<Model.SecurityRule> endpointIngress) {
        SecurityGroupPaths paths = paths(clientEgress, endpointIngress);
        return paths.blocked(function("sg-client"), new SecurityGroupPaths.Destination("the endpoint",
                ENDPOINT.securityGroupIds(), paths.endpointAddress(ENDPOINT), null));
    }

    static SecurityGroupPaths paths(List<Model.SecurityRule> clientEgress, List<Model.SecurityRule> endpointIngress) {
        Map<String, Model.SecurityGroup> groups = Map.of(
                "sg-client", new Model.SecurityGroup("ClientSecurityGroup", "sg-client", "vpc-1", List.of(),
                        clientEgress),
                "sg-endpoint", new Model.SecurityGroup("EndpointSecurityGroup", "sg-endpoint", "vpc-1",
                        endpointIngress, List.of()));
        return new SecurityGroupPaths(groups, Map.of("subnet-a", LAMBDA_SUBNET, "subnet-b", ENDPOINT_SUBNET));
    }

    @Test
    void groupToGroupRulesBothWaysOpenThePath() {
        assertEquals(Optional.empty(), path(List.of(tcp443("sg-endpoint")), List.of(tcp443("sg-client"))));
    }

    @Test
    void withoutTheSendersEgressRuleThePathIsClosedAndTheRuleIsNamed() {
        String why = path(List.of(tcp443("127.0.0.1/32")), List.of(tcp443("sg-client"))).orElseThrow();
        assertTrue(why.startsWith("no egress rule of the function's security groups, sg-client (ClientSecurityGroup), "
                + "allows TCP 443 to the endpoint"), why);
        assertTrue(why.contains("to the endpoint (a rule to sg-endpoint or a CIDR holding 10.20.1.5 would)"), why);
    }

    @Test
    void withoutTheReceiversIngressRuleThePathIsClosed() {
        String why = path(List.of(tcp443("sg-endpoint")), List.of(tcp443("sg-other"))).orElseThrow();
        assertTrue(why.startsWith("no ingress rule of the security groups of the endpoint, sg-endpoint "
                + "(EndpointSecurityGroup), allows TCP 443"), why);
        assertTrue(why.endsWith("from sg-client (ClientSecurityGroup) or 10.20.0.10"), why);
    }

    @Test
    void cidrRulesMatchTheAddressesInTheSubnets() {
        assertEquals(Optional.empty(), path(List.of(tcp443("10.20.1.0/24")), List.of(tcp443("10.20.0.0/16"))));
        assertTrue(path(List.of(tcp443("10.20.2.0/24")), List.of(tcp443("10.20.0.0/16"))).isPresent());
        assertTrue(path(List.of(tcp443("10.20.1.0/24")), List.of(tcp443("10.30.0.0/16"))).isPresent());
    }

    @Test
    void portsAndProtocolsMustCoverHttps() {
        assertTrue(path(List.of(new Model.SecurityRule("tcp", 80, 80, "sg-endpoint", null)),
                List.of(tcp443("sg-client"))).isPresent());
        assertTrue(path(List.of(new Model.SecurityRule("udp", 0, 65535, "sg-endpoint", null)),
                List.of(tcp443("sg-client"))).isPresent());
        assertEquals(Optional.empty(), path(List.of(new Model.SecurityRule("-1", 0, 65535, "0.0.0.0/0", null)),
                List.of(new Model.SecurityRule("tcp", 0, 65535, "sg-client", null))));
    }

    @Test
    void aServiceOutsideTheVpcIsReachedByItsPrefixListOrAnyAddress() {
        SecurityGroupPaths.Destination dynamodb = new SecurityGroupPaths.Destination("DynamoDB", List.of(), null,
                "pl-dynamodb");
        assertEquals(Optional.empty(), paths(List.of(tcp443("pl-dynamodb")), List.of())
                .blocked(function("sg-client"), dynamodb));
        assertEquals(Optional.empty(), paths(List.of(tcp443("0.0.0.0/0")), List.of())
                .blocked(function("sg-client"), dynamodb));
        String why = paths(List.of(tcp443("10.0.0.0/8"), tcp443("pl-s3")), List.of())
                .blocked(function("sg-client"), dynamodb).orElseThrow();
        assertTrue(why.contains("(a rule to prefix list pl-dynamodb or 0.0.0.0/0 would)"), why);
    }

    @Test
    void groupsTheStacksDoNotDefineAreNotChecked() {
        assertEquals(Optional.empty(), paths(List.of(), List.of()).blocked(function("sg-elsewhere"),
                new SecurityGroupPaths.Destination("DynamoDB", List.of(), null, "pl-dynamodb")));
    }
}
