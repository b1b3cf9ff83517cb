package com.example.privateapi.rehearsal.template;

import java.util.List;
import java.util.Map;

/**
 * A template's {@code Rules}, checked before any resource as CloudFormation does ("Rules", CloudFormation User Guide):
 * when a rule's {@code RuleCondition} holds, each of its {@code Assertions} must hold, or the deploy fails with the
 * assertion's {@code AssertDescription}. The rehearsal evaluates the condition functions it knows ({@code Fn::And},
 * {@code Fn::Or}, {@code Fn::Not}, {@code Fn::Equals}, {@code Ref}); others are refused by name.
 */
final class Rules {

    private Rules() {
    }

    static void check(StackEvaluator eval, Map<String, Object> rules) {
        for (Map.Entry<String, Object> entry : rules.entrySet()) {
            String path = "Rules." + entry.getKey();
            if (!(entry.getValue() instanceof Map<?, ?> rule)) {
                throw eval.error(path, "must be a mapping");
            }
            if (rule.containsKey("RuleCondition") && !holds(eval, rule.get("RuleCondition"), path + ".RuleCondition")) {
                continue;
            }
            if (!(rule.get("Assertions") instanceof List<?> assertions)) {
                throw eval.error(path + ".Assertions", "is required: a list of assertions");
            }
            for (int i = 0; i < assertions.size(); i++) {
                String where = path + ".Assertions[" + i + "]";
                if (!(assertions.get(i) instanceof Map<?, ?> assertion) || !assertion.containsKey("Assert")) {
                    throw eval.error(where, "must be a mapping with Assert");
                }
                if (!holds(eval, assertion.get("Assert"), where + ".Assert")) {
                    Object description = assertion.get("AssertDescription");
                    throw eval.error(path, description == null ? "assertion " + i + " does not hold"
                            : String.valueOf(description));
                }
            }
        }
    }

    private static boolean holds(StackEvaluator eval, Object condition, String path) {
        Object value = eval.resolve(condition, path);
        if (value instanceof Boolean b) {
            return b;
        }
        throw eval.error(path, "expected a condition (true or false), got " + value);
    }
}
