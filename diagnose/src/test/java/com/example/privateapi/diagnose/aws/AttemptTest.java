package com.example.privateapi.diagnose.aws;

import com.example.privateapi.diagnose.model.Read;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How a failed call reads in the report. */
class AttemptTest {

    private final Attempt attempt = new Attempt("consumer");

    private static AwsServiceException error(int status, String code, String message) {
        return AwsServiceException.builder().statusCode(status).awsErrorDetails(AwsErrorDetails.builder()
                .errorCode(code).errorMessage(message).build()).build();
    }

    private Read.Failed<?> fail(Call call, RuntimeException e) {
        Read<Object> read = attempt.read(call, "the thing", "it does not exist", () -> {
            throw e;
        });
        return (Read.Failed<?>) read;
    }

    /**
     * Amazon EC2 API Reference, "Error codes for the Amazon EC2 API": UnauthorizedOperation ("You are not
     * authorized to perform this operation"); the other services answer AccessDenied or AccessDeniedException.
     */
    @Test
    void aRefusedPermissionNamesTheActionWhateverTheServiceCallsIt() {
        assertEquals("ec2:DescribeVpcEndpoints denied", fail(Call.DESCRIBE_VPC_ENDPOINTS,
                error(403, "UnauthorizedOperation", "You are not authorized to perform this operation.")).why());
        assertEquals("apigateway:GET denied", fail(Call.GET_REST_API,
                error(403, "AccessDeniedException", "User: x is not authorized")).why());
        assertEquals("iam:GetRole denied", fail(Call.GET_ROLE, error(403, "AccessDenied", "no")).why());
        assertEquals("logs:FilterLogEvents denied", fail(Call.FILTER_LOG_EVENTS,
                error(400, "AccessDeniedException", "no")).why());
        assertEquals("the thing", fail(Call.GET_ROLE, error(403, "AccessDenied", "no")).what());
    }

    @Test
    void refusedCredentialsNameTheProfile() {
        assertEquals("the credentials of profile consumer were refused (ExpiredToken: The security token included "
                + "in the request is expired)", fail(Call.DESCRIBE_STACKS, error(403, "ExpiredToken",
                "The security token included in the request is expired")).why());
    }

    @Test
    void aMissingResourceSaysWhatTheReaderSays() {
        assertEquals("it does not exist", fail(Call.DESCRIBE_STACKS,
                error(400, "ValidationError", "Stack with id x does not exist")).why());
        assertEquals("it does not exist", fail(Call.DESCRIBE_VPC_ENDPOINTS,
                error(400, "InvalidVpcEndpointId.NotFound", "The Vpc Endpoint Id 'vpce-1' does not exist")).why());
        assertEquals("it does not exist", fail(Call.GET_FUNCTION_CONFIGURATION,
                error(404, "ResourceNotFoundException", "Function not found")).why());
    }

    @Test
    void otherFailuresNameTheOperationAndTheError() {
        assertEquals("DescribeStacks failed: Throttling: Rate exceeded", fail(Call.DESCRIBE_STACKS,
                error(400, "Throttling", "Rate exceeded")).why());
        assertEquals("GetRestApi failed: Unable to execute HTTP request: Connect timed out", fail(Call.GET_REST_API,
                SdkClientException.create("Unable to execute HTTP request: Connect timed out\nmore")).why());
    }

    @Test
    void aNestedCallNamesItsOwnPermission() {
        Read<String> read = attempt.read(Call.GET_ROLE, "role R", null, () -> attempt.call(Call.GET_POLICY_VERSION,
                null, () -> {
                    throw error(403, "AccessDenied", "no");
                }));
        assertEquals("iam:GetPolicyVersion denied", ((Read.Failed<String>) read).why());
    }
}
