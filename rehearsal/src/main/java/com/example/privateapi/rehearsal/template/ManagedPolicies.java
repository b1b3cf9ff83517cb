package com.example.privateapi.rehearsal.template;

import java.util.List;
import java.util.Map;

/**
 * The AWS managed policies and SAM policy templates the templates use, as the documents they stand for, so
 * that a role's identity policies can be evaluated. Anything else is refused by name.
 */
final class ManagedPolicies {

    private static final Map<String, List<String>> MANAGED = Map.of(
            "AWSLambdaBasicExecutionRole", List.of("logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"),
            "AWSLambdaVPCAccessExecutionRole", List.of("logs:CreateLogGroup", "logs:CreateLogStream",
                    "logs:PutLogEvents", "ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces",
                    "ec2:DescribeSubnets", "ec2:DeleteNetworkInterface", "ec2:AssignPrivateIpAddresses",
                    "ec2:UnassignPrivateIpAddresses"),
            "AWSXrayWriteOnlyAccess", List.of("xray:PutTraceSegments", "xray:PutTelemetryRecords",
                    "xray:GetSamplingRules", "xray:GetSamplingTargets", "xray:GetSamplingStatisticSummaries"),
            "AmazonAPIGatewayPushToCloudWatchLogs", List.of("logs:CreateLogGroup", "logs:CreateLogStream",
                    "logs:DescribeLogGroups", "logs:DescribeLogStreams", "logs:PutLogEvents", "logs:GetLogEvents",
                    "logs:FilterLogEvents"));

    private ManagedPolicies() {
    }

    /** The document of a managed policy given by name or ARN, or null when the rehearsal does not know it. */
    static Map<String, Object> managed(String nameOrArn) {
        String name = nameOrArn.substring(nameOrArn.lastIndexOf('/') + 1);
        List<String> actions = MANAGED.get(name);
        return actions == null ? null : document(actions, "*");
    }

    /** The document a SAM policy template expands to, or null when the rehearsal does not know the template. */
    static Map<String, Object> samTemplate(String name, Map<?, ?> parameters, String region, String account) {
        Object table = parameters.get("TableName");
        String tableArn = "arn:aws:dynamodb:" + region + ":" + account + ":table/" + table;
        return switch (name) {
            case "DynamoDBCrudPolicy" -> document(List.of("dynamodb:GetItem", "dynamodb:DeleteItem",
                    "dynamodb:PutItem", "dynamodb:Scan", "dynamodb:Query", "dynamodb:UpdateItem",
                    "dynamodb:BatchWriteItem", "dynamodb:BatchGetItem", "dynamodb:DescribeTable",
                    "dynamodb:ConditionCheckItem"), List.of(tableArn, tableArn + "/index/*"));
            case "DynamoDBReadPolicy" -> document(List.of("dynamodb:GetItem", "dynamodb:Scan", "dynamodb:Query",
                    "dynamodb:BatchGetItem", "dynamodb:DescribeTable"), List.of(tableArn, tableArn + "/index/*"));
            case "DynamoDBWritePolicy" -> document(List.of("dynamodb:PutItem", "dynamodb:UpdateItem",
                    "dynamodb:BatchWriteItem"), List.of(tableArn, tableArn + "/index/*"));
            default -> null;
        };
    }

    private static Map<String, Object> document(List<String> actions, Object resource) {
        return Map.of("Version", "2012-10-17", "Statement", List.of(Map.of("Effect", "Allow", "Action", actions,
                "Resource", resource)));
    }
}
