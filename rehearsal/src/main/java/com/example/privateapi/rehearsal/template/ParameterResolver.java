package com.example.privateapi.rehearsal.template;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Applies a template's parameter definitions to the values given, as CloudFormation does: defaults, unknown and
 * missing parameters, types (lists, numbers, AWS-specific ids), AllowedValues, AllowedPattern, lengths and bounds.
 * A value is a String, or a List of Strings for list types.
 */
final class ParameterResolver {

    private static final Map<String, Pattern> AWS_IDS = Map.of(
            "AWS::EC2::VPC::Id", Pattern.compile("vpc-[0-9a-f]{8,17}"),
            "AWS::EC2::Subnet::Id", Pattern.compile("subnet-[0-9a-f]{8,17}"),
            "AWS::EC2::SecurityGroup::Id", Pattern.compile("sg-[0-9a-f]{8,17}"),
            "AWS::EC2::RouteTable::Id", Pattern.compile("rtb-[0-9a-f]{8,17}"));

    private ParameterResolver() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> resolve(String file, Map<String, Object> definitions, Map<String, String> given) {
        TreeSet<String> unknown = new TreeSet<>(given.keySet());
        unknown.removeAll(definitions.keySet());
        if (!unknown.isEmpty()) {
            throw new TemplateException(file + ": Parameters: " + unknown + " do not exist in the template");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, Object> entry : definitions.entrySet()) {
            String name = entry.getKey();
            if (!(entry.getValue() instanceof Map)) {
                throw new TemplateException(file + ": Parameters." + name + " must be a mapping");
            }
            Map<String, Object> definition = (Map<String, Object>) entry.getValue();
            String raw = given.containsKey(name) ? given.get(name)
                    : definition.containsKey("Default") ? scalar(definition.get("Default")) : null;
            if (raw == null) {
                missing.add(name);
                continue;
            }
            values.put(name, validate(file, name, definition, raw));
        }
        if (!missing.isEmpty()) {
            throw new TemplateException(file + ": Parameters: " + missing + " must have values");
        }
        return values;
    }

    private static Object validate(String file, String name, Map<String, Object> definition, String raw) {
        String type = scalar(definition.getOrDefault("Type", "String"));
        String where = file + ": Parameter '" + name + "'";
        boolean list = type.equals("CommaDelimitedList") || type.startsWith("List<");
        List<String> items = new ArrayList<>();
        if (list) {
            for (String item : raw.split(",", -1)) {
                items.add(item.trim());
            }
        } else {
            items.add(raw);
        }
        String itemType = list && type.startsWith("List<") ? type.substring(5, type.length() - 1) : type;
        for (String item : items) {
            if (itemType.equals("Number")) {
                BigDecimal number;
                try {
                    number = new BigDecimal(item.trim());
                } catch (NumberFormatException e) {
                    throw new TemplateException(where + " must be a number, got '" + item + "'");
                }
                if (definition.containsKey("MinValue")
                        && number.compareTo(new BigDecimal(scalar(definition.get("MinValue")))) < 0) {
                    throw new TemplateException(where + " must be a number not less than "
                            + scalar(definition.get("MinValue")));
                }
                if (definition.containsKey("MaxValue")
                        && number.compareTo(new BigDecimal(scalar(definition.get("MaxValue")))) > 0) {
                    throw new TemplateException(where + " must be a number not greater than "
                            + scalar(definition.get("MaxValue")));
                }
            } else if (AWS_IDS.containsKey(itemType)) {
                if (!AWS_IDS.get(itemType).matcher(item).matches()) {
                    throw new TemplateException(where + " must be a valid " + itemType + ", got '" + item + "'");
                }
            } else if (!itemType.equals("String") && !itemType.equals("CommaDelimitedList")) {
                throw new TemplateException(where + ": the rehearsal does not support parameter type " + type);
            }
            if (definition.containsKey("AllowedValues")) {
                List<String> allowed = ((List<?>) definition.get("AllowedValues")).stream().map(ParameterResolver::scalar)
                        .toList();
                if (!allowed.contains(item)) {
                    throw new TemplateException(where + " must be one of AllowedValues " + allowed + ", got '"
                            + item + "'");
                }
            }
            if (definition.containsKey("AllowedPattern")) {
                String pattern = scalar(definition.get("AllowedPattern"));
                boolean matches;
                try {
                    matches = Pattern.compile(pattern).matcher(item).matches();
                } catch (PatternSyntaxException e) {
                    throw new TemplateException(where + ": AllowedPattern is not a valid pattern: " + pattern);
                }
                if (!matches) {
                    throw new TemplateException(where + (definition.containsKey("ConstraintDescription")
                            ? " failed to satisfy constraint: " + scalar(definition.get("ConstraintDescription"))
                            : " must match pattern " + pattern) + " (got '" + item + "')");
                }
            }
            if (definition.containsKey("MinLength") && item.length() < Integer.parseInt(scalar(definition.get("MinLength")))) {
                throw new TemplateException(where + " must contain at least " + scalar(definition.get("MinLength"))
                        + " characters");
            }
            if (definition.containsKey("MaxLength") && item.length() > Integer.parseInt(scalar(definition.get("MaxLength")))) {
                throw new TemplateException(where + " must contain at most " + scalar(definition.get("MaxLength"))
                        + " characters");
            }
        }
        return list ? List.copyOf(items) : raw;
    }

    /** YAML numbers and booleans as CloudFormation reads them: as strings. */
    static String scalar(Object value) {
        if (value instanceof Boolean b) {
            return b ? "true" : "false";
        }
        return value == null ? null : value.toString();
    }
}
