package com.example.privateapi.diagnose.aws;

import com.example.privateapi.diagnose.model.Read;
import com.example.privateapi.diagnose.model.Side;
import com.example.privateapi.diagnose.model.StackView;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudformation.model.Stack;

import java.util.HashMap;
import java.util.Map;

/** Reads a stack's status, parameters and outputs. */
final class StackReader {

    private final AwsAccount aws;
    private final Attempt attempt;

    StackReader(AwsAccount aws, Attempt attempt) {
        this.aws = aws;
        this.attempt = attempt;
    }

    Read<StackView> read(Side side, String account) {
        String what = "the " + side.label() + " stack " + side.stack();
        String variable = side.label().equals("provider") ? "BACKEND_STACK" : "CLIENT_STACK";
        String notFound = "it does not exist in account " + account + " (" + side.region() + "): deploy it with "
                + "./deploy-all.sh, or set " + variable + " to its name";
        return attempt.read(Call.DESCRIBE_STACKS, what, notFound, () -> {
            Stack stack = aws.cloudFormation.describeStacks(r -> r.stackName(side.stack())).stacks().stream()
                    .findFirst().orElseThrow(() -> new Attempt.NotFound(notFound));
            Map<String, String> parameters = new HashMap<>();
            for (Parameter p : stack.parameters()) {
                parameters.put(p.parameterKey(), p.parameterValue() == null ? "" : p.parameterValue());
            }
            Map<String, String> outputs = new HashMap<>();
            for (Output o : stack.outputs()) {
                if (o.outputValue() != null) {
                    outputs.put(o.outputKey(), o.outputValue());
                }
            }
            return new StackView(stack.stackName(), stack.stackStatusAsString(), parameters, outputs,
                    stack.creationTime(), stack.lastUpdatedTime());
        });
    }
}
