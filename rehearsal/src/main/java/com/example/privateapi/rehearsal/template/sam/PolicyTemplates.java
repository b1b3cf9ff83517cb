package com.example.privateapi.rehearsal.template.sam;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The SAM policy templates the rehearsal supports, expanded as the SAM translator expands them (its
 * {@code policy_templates.json}): the template's {@code Ref} to a parameter is replaced by the value given.
 */
final class PolicyTemplates {

    private static final List<String> CRUD = List.of("dynamodb:GetItem", "dynamodb:DeleteItem", "dynamodb:PutItem",
            "dynamodb:Scan", "dynamodb:Query", "dynamodb:UpdateItem", "dynamodb:BatchWriteItem",
            "dynamodb:BatchGetItem", "dynamodb:DescribeTable", "dynamodb:ConditionCheckItem");
    private static final List<String> READ = List.of("dynamodb:GetItem", "dynamodb:Scan", "dynamodb:Query",
            "dynamodb:BatchGetItem", "dynamodb:DescribeTable");
    private static final List<String> WRITE = List.of("dynamodb:PutItem", "dynamodb:UpdateItem",
            "dynamodb:BatchWriteItem");
    private static final Map<String, List<String>> TABLE_TEMPLATES = Map.of("DynamoDBCrudPolicy", CRUD,
            "DynamoDBReadPolicy", READ, "DynamoDBWritePolicy", WRITE);

    private PolicyTemplates() {
    }

    static Set<String> names() {
        return TABLE_TEMPLATES.keySet();
    }

    /** The policy document, or null when the template is not one the rehearsal supports. */
    static Map<String, Object> expand(String name, Object parameters, String where) {
        List<String> actions = TABLE_TEMPLATES.get(name);
        if (actions == null) {
            return null;
        }
        if (!(parameters instanceof Map<?, ?> given) || !given.containsKey("TableName") || given.size() != 1) {
            throw new TransformException(where + ": " + name + " takes exactly one parameter, TableName");
        }
        Object table = given.get("TableName");
        String arn = "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${tableName}";
        return Map.of("Statement", List.of(Map.of("Action", actions, "Effect", "Allow", "Resource", List.of(
                Nodes.sub(arn, Map.of("tableName", table)), Nodes.sub(arn + "/index/*", Map.of("tableName", table))))));
    }
}
