package com.example.privateapi.diagnose.aws;

import com.example.privateapi.diagnose.model.PolicyChange;
import com.example.privateapi.diagnose.model.Read;
import com.example.privateapi.diagnose.model.StackView;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.DescribeStackResourcesRequest;
import software.amazon.awssdk.services.cloudformation.model.DescribeStackResourcesResponse;
import software.amazon.awssdk.services.cloudformation.model.StackResource;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The RestApi resource is found where deploy-all.sh puts it: in the nested stack the vpc template creates. The
 * stand-in answers DescribeStackResources only, from a fixed table.
 */
class PolicyChangeFinderTest {

    private static final Instant CREATED = Instant.parse("2025-01-01T10:00:00Z");
    private static final Instant UPDATED = Instant.parse("2025-01-02T10:00:00Z");
    private static final Instant API_UPDATED = Instant.parse("2025-01-02T10:03:07Z");

    private static StackResource resource(String stack, String logical, String type, String physical) {
        return StackResource.builder().stackName(stack).logicalResourceId(logical).resourceType(type)
                .physicalResourceId(physical).timestamp(API_UPDATED).build();
    }

    private static CloudFormationClient stacks(Map<String, List<StackResource>> resources) {
        return new CloudFormationClient() {
            @Override
            public DescribeStackResourcesResponse describeStackResources(DescribeStackResourcesRequest request) {
                return DescribeStackResourcesResponse.builder()
                        .stackResources(resources.getOrDefault(request.stackName(), List.of())).build();
            }

            @Override
            public String serviceName() {
                return "cloudformation";
            }

            @Override
            public void close() {
            }
        };
    }

    private static StackView stack(Instant lastUpdated) {
        return new StackView("private-api-backend", "UPDATE_COMPLETE", Map.of(), Map.of(), CREATED, lastUpdated);
    }

    @Test
    void theRestApiOfANestedStackGivesTheTime() {
        String nested = "arn:aws:cloudformation:us-east-1:222222222222:stack/private-api-backend-BackendStack-1X/1";
        CloudFormationClient cfn = stacks(Map.of(
                "private-api-backend", List.of(resource("private-api-backend", "VPC", "AWS::EC2::VPC", "vpc-1"),
                        resource("private-api-backend", "BackendStack", "AWS::CloudFormation::Stack", nested)),
                nested, List.of(resource("private-api-backend-BackendStack-1X", "PrivateApi",
                        "AWS::ApiGateway::RestApi", "abc123defg"))));
        Read<PolicyChange> change = new PolicyChangeFinder(cfn, new Attempt("provider")).find(stack(UPDATED),
                "abc123defg");
        assertEquals(new PolicyChange(API_UPDATED, "RestApi PrivateApi of stack private-api-backend-BackendStack-1X "
                + "last updated"), change.get().orElseThrow());
    }

    @Test
    void withoutTheApiInTheStacksTheStacksOwnTimeStandsIn() {
        CloudFormationClient cfn = stacks(Map.of("private-api-backend", List.of(resource("private-api-backend",
                "Other", "AWS::ApiGateway::RestApi", "zzz9999999"))));
        assertEquals(new PolicyChange(UPDATED, "stack private-api-backend last updated"),
                new PolicyChangeFinder(cfn, new Attempt("provider")).find(stack(UPDATED), "abc123defg").get()
                        .orElseThrow());
        assertEquals(new PolicyChange(CREATED, "stack private-api-backend created"),
                new PolicyChangeFinder(cfn, new Attempt("provider")).find(stack(null), "abc123defg").get()
                        .orElseThrow());
    }
}
