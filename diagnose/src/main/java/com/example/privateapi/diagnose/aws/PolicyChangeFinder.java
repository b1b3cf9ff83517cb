package com.example.privateapi.diagnose.aws;

import com.example.privateapi.diagnose.model.PolicyChange;
import com.example.privateapi.diagnose.model.Read;
import com.example.privateapi.diagnose.model.StackView;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.StackResource;

import java.util.List;

/**
 * When the API's resource policy last changed, as CloudFormation tells it: the last update of the RestApi resource
 * that holds the API (the template's policy lives in it), in the stack or its nested stacks. Where CloudFormation
 * does not manage the API, the stack's own last update stands in for it.
 */
final class PolicyChangeFinder {

    private static final int MAX_NESTING = 3;

    private final CloudFormationClient cloudFormation;
    private final Attempt attempt;

    PolicyChangeFinder(CloudFormationClient cloudFormation, Attempt attempt) {
        this.cloudFormation = cloudFormation;
        this.attempt = attempt;
    }

    Read<PolicyChange> find(StackView stack, String apiId) {
        return attempt.read(Call.DESCRIBE_STACK_RESOURCES, "the resources of stack " + stack.name(), null, () -> {
            PolicyChange found = findRestApi(stack.name(), apiId, 0);
            if (found != null) {
                return found;
            }
            return stack.lastUpdated() != null
                    ? new PolicyChange(stack.lastUpdated(), "stack " + stack.name() + " last updated")
                    : new PolicyChange(stack.created(), "stack " + stack.name() + " created");
        });
    }

    private PolicyChange findRestApi(String stackName, String apiId, int depth) {
        List<StackResource> resources = cloudFormation.describeStackResources(r -> r.stackName(stackName))
                .stackResources();
        for (StackResource resource : resources) {
            if ("AWS::ApiGateway::RestApi".equals(resource.resourceType())
                    && apiId.equals(resource.physicalResourceId()) && resource.timestamp() != null) {
                return new PolicyChange(resource.timestamp(), "RestApi " + resource.logicalResourceId()
                        + " of stack " + resource.stackName() + " last updated");
            }
        }
        if (depth < MAX_NESTING) {
            for (StackResource resource : resources) {
                if ("AWS::CloudFormation::Stack".equals(resource.resourceType())
                        && resource.physicalResourceId() != null) {
                    PolicyChange nested = findRestApi(resource.physicalResourceId(), apiId, depth + 1);
                    if (nested != null) {
                        return nested;
                    }
                }
            }
        }
        return null;
    }
}
