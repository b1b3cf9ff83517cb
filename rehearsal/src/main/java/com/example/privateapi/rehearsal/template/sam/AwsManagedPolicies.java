package com.example.privateapi.rehearsal.template.sam;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The AWS managed policies the rehearsal knows: their ARNs (SAM turns a policy name in {@code Policies} into its
 * ARN) and the documents they stand for, so that a role's identity policies can be evaluated. Anything else is
 * refused by name.
 */
public final class AwsManagedPolicies {

    private static final String PREFIX = "arn:aws:iam::aws:policy/";

    /** Policy path (after {@code arn:aws:iam::aws:policy/}) to the actions the policy allows on {@code *}. */
    private static final Map<String, List<String>> KNOWN = Map.of(
            "service-role/AWSLambdaBasicExecutionRole",
            List.of("logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"),
            "service-role/AWSLambdaVPCAccessExecutionRole",
            List.of("logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents", "ec2:CreateNetworkInterface",
                    "ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets", "ec2:DeleteNetworkInterface",
                    "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses"),
            "AWSXrayWriteOnlyAccess",
            List.of("xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules",
                    "xray:GetSamplingTargets", "xray:GetSamplingStatisticSummaries"),
            "service-role/AmazonAPIGatewayPushToCloudWatchLogs",
            List.of("logs:CreateLogGroup", "logs:CreateLogStream", "logs:DescribeLogGroups",
                    "logs:DescribeLogStreams", "logs:PutLogEvents", "logs:GetLogEvents", "logs:FilterLogEvents"));

    private AwsManagedPolicies() {
    }

    /** The ARN of a managed policy given by name ({@code AWSLambdaBasicExecutionRole}), if the rehearsal knows it. */
    public static Optional<String> arnOf(String name) {
        return KNOWN.keySet().stream().filter(path -> path.equals(name) || path.endsWith("/" + name)).findFirst()
                .map(path -> PREFIX + path);
    }

    static String arn(String path) {
        if (!KNOWN.containsKey(path)) {
            throw new IllegalArgumentException("not a known managed policy: " + path);
        }
        return PREFIX + path;
    }

    /** The document of a managed policy given by ARN, if the rehearsal knows it. */
    public static Optional<Map<String, Object>> document(String arn) {
        if (!arn.startsWith(PREFIX)) {
            return Optional.empty();
        }
        List<String> actions = KNOWN.get(arn.substring(PREFIX.length()));
        return Optional.ofNullable(actions).map(a -> Map.of("Version", "2012-10-17", "Statement",
                List.of(Map.of("Effect", "Allow", "Action", a, "Resource", "*"))));
    }
}
