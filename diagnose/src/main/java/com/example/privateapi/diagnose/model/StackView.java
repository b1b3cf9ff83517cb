package com.example.privateapi.diagnose.model;

import java.time.Instant;
import java.util.Map;

/**
 * A CloudFormation stack as DescribeStacks reports it.
 *
 * @param name        the stack name
 * @param status      e.g. {@code UPDATE_COMPLETE}
 * @param parameters  parameter values (a CommaDelimitedList as its comma-joined text)
 * @param outputs     output values
 * @param created     when it was created
 * @param lastUpdated when it was last updated, or null when never
 */
public record StackView(String name, String status, Map<String, String> parameters, Map<String, String> outputs,
                        Instant created, Instant lastUpdated) {
    public StackView {
        parameters = Map.copyOf(parameters);
        outputs = Map.copyOf(outputs);
    }

    public String output(String key) {
        return outputs.get(key);
    }

    public String parameter(String key) {
        return parameters.get(key);
    }
}
