package com.example.privateapi.rehearsal.template;

import com.example.privateapi.iam.NamedPolicy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What a deployed stack holds that the rehearsal acts on, read from its CloudFormation resources. */
public final class Model {

    private Model() {
    }

    /**
     * A method of a REST API with its Lambda proxy integration.
     *
     * @param method        HTTP method, or {@code ANY}
     * @param path          the resource path, e.g. {@code /requests/{requestId}}
     * @param authorization {@code AWS_IAM} or {@code NONE}
     * @param functionArn   the function the integration invokes (qualified when it names an alias or version)
     * @param credentials   the integration's credentials: null (API Gateway's own permission, through the
     *                      function's resource policy), {@code arn:aws:iam::*:user/*} (the caller's credentials), or
     *                      the ARN of a role API Gateway assumes
     */
    public record Route(String method, String path, String authorization, String functionArn, String credentials) {
    }

    /** A stage of an API: the deployment it serves and its settings. */
    public record Stage(String name, String deploymentId, String accessLogFormat, boolean tracingEnabled) {
    }

    /**
     * A REST API with its stages.
     *
     * @param resourcePolicy the resource policy JSON as attached (may use the {@code execute-api:/} shorthand), or null
     */
    public record RestApi(String logicalId, String id, String name, String endpointType, List<Route> routes,
                          String resourcePolicy, List<Stage> stages) {
        public RestApi {
            routes = List.copyOf(routes);
            stages = List.copyOf(stages);
        }
    }

    /** The network placement of a function in a VPC. */
    public record VpcConfig(List<String> securityGroupIds, List<String> subnetIds) {
        public VpcConfig {
            securityGroupIds = List.copyOf(securityGroupIds);
            subnetIds = List.copyOf(subnetIds);
        }
    }

    /**
     * A Lambda function.
     *
     * @param code                the code as the template gives it: a local path, or {@code s3://bucket/key}
     * @param codePath            the local path of the code, resolved against the template's folder, or null
     * @param vpcConfig           its VPC placement, or null outside any VPC
     * @param reservedConcurrency its reserved concurrency, or null when unreserved
     * @param snapStart           whether published versions use SnapStart
     */
    public record LambdaFunction(String logicalId, String name, String arn, String handler, String code, Path codePath,
                                 String runtime, Map<String, String> environment, Duration timeout, int memoryMb,
                                 String roleArn, VpcConfig vpcConfig, Integer reservedConcurrency, boolean snapStart) {
        public LambdaFunction {
            environment = Map.copyOf(environment);
        }

        public boolean inVpc() {
            return vpcConfig != null;
        }
    }

    /**
     * A statement of a function's resource policy ({@code AWS::Lambda::Permission}).
     *
     * @param functionArn   the function (qualified when the permission names an alias or version)
     * @param principal     a service ({@code apigateway.amazonaws.com}), an account id or an ARN
     * @param sourceArn     the {@code SourceArn} condition, or null
     * @param sourceAccount the {@code SourceAccount} condition, or null
     */
    public record LambdaPermission(String logicalId, String functionArn, String action, String principal,
                                   String sourceArn, String sourceAccount) {
    }

    /** An alias of a function, pointing at a published version. */
    public record LambdaAlias(String logicalId, String functionArn, String name, String arn) {
    }

    /**
     * An IAM role.
     *
     * @param inlinePolicies      its inline policies, named as IAM names them
     * @param managedPolicyArns   the managed policies attached to it
     * @param permissionsBoundary the ARN of its permissions boundary, or null
     */
    public record IamRole(String logicalId, String arn, String roleId, String trustPolicy,
                          List<NamedPolicy> inlinePolicies, List<String> managedPolicyArns,
                          List<NamedPolicy> managedPolicies, String permissionsBoundary, Duration maxSessionDuration) {
        public IamRole {
            inlinePolicies = List.copyOf(inlinePolicies);
            managedPolicyArns = List.copyOf(managedPolicyArns);
            managedPolicies = List.copyOf(managedPolicies);
        }

        /** Every identity policy of the role: inline, then managed. */
        public List<NamedPolicy> policies() {
            List<NamedPolicy> all = new ArrayList<>(inlinePolicies);
            all.addAll(managedPolicies);
            return all;
        }
    }

    /** @param policy the endpoint policy JSON, or null for the default full-access policy */
    public record VpcEndpoint(String logicalId, String id, String vpcId, String serviceName, String type,
                              String policy, boolean privateDnsEnabled, List<String> dnsEntries,
                              List<String> securityGroupIds, List<String> subnetIds) {
        public VpcEndpoint {
            dnsEntries = List.copyOf(dnsEntries);
            securityGroupIds = List.copyOf(securityGroupIds);
            subnetIds = List.copyOf(subnetIds);
        }
    }

    /**
     * A rule of a security group: traffic allowed to (egress) or from (ingress) a peer.
     *
     * @param protocol   {@code tcp}, {@code udp}, {@code icmp} or {@code -1} (all)
     * @param peer       a CIDR ({@code 10.0.0.0/16}), a security group id ({@code sg-...}) or a prefix list id
     *                   ({@code pl-...})
     */
    public record SecurityRule(String protocol, int fromPort, int toPort, String peer, String description) {
    }

    public record SecurityGroup(String logicalId, String id, String vpcId, List<SecurityRule> ingress,
                                List<SecurityRule> egress) {
        public SecurityGroup {
            ingress = List.copyOf(ingress);
            egress = List.copyOf(egress);
        }
    }

    public record Subnet(String logicalId, String id, String vpcId, String cidr) {
    }

    /** @param keySchema attribute name to HASH or RANGE; @param attributes attribute name to S, N or B */
    public record DynamoTable(String logicalId, String name, Map<String, String> keySchema,
                              Map<String, String> attributes, String ttlAttribute) {
        public DynamoTable {
            keySchema = Map.copyOf(keySchema);
            attributes = Map.copyOf(attributes);
        }
    }
}
