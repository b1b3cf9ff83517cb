package com.example.privateapi.diagnose.aws;

import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sts.StsClient;

import java.time.Duration;
import java.util.List;

/** The SDK clients of one account, built once, every one behind the account's {@link ReadOnlyGuard}. */
public final class AwsAccount implements AutoCloseable {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

    private final AccountAccess access;
    private final ReadOnlyGuard guard = new ReadOnlyGuard();
    final StsClient sts;
    final CloudFormationClient cloudFormation;
    final ApiGatewayClient apiGateway;
    final Ec2Client ec2;
    final LambdaClient lambda;
    final IamClient iam;
    final CloudWatchLogsClient logs;

    public AwsAccount(AccountAccess access, SdkHttpClient http) {
        this.access = access;
        Region region = Region.of(access.region());
        sts = configure(StsClient.builder(), "sts", region, http).build();
        cloudFormation = configure(CloudFormationClient.builder(), "cloudformation", region, http).build();
        apiGateway = configure(ApiGatewayClient.builder(), "apigateway", region, http).build();
        ec2 = configure(Ec2Client.builder(), "ec2", region, http).build();
        lambda = configure(LambdaClient.builder(), "lambda", region, http).build();
        iam = configure(IamClient.builder(), "iam", globalRegion(access.region()), http).build();
        logs = configure(CloudWatchLogsClient.builder(), "logs", region, http).build();
    }

    public AccountAccess access() {
        return access;
    }

    /** The calls made in this account so far. */
    public List<String> callsMade() {
        return guard.made();
    }

    /** A client for tests that check the guard: the diagnosis itself only reads through the readers. */
    public CloudFormationClient cloudFormation() {
        return cloudFormation;
    }

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> B configure(
            B builder, String service, Region region, SdkHttpClient http) {
        builder.region(region).credentialsProvider(access.credentials())
                .overrideConfiguration(ClientOverrideConfiguration.builder().addExecutionInterceptor(guard)
                        .apiCallTimeout(CALL_TIMEOUT).build());
        builder.httpClient(http);
        access.endpoint(service).ifPresent(builder::endpointOverride);
        return builder;
    }

    /** IAM is global: its clients sign for the partition's global region. */
    private static Region globalRegion(String region) {
        if (region.startsWith("cn-")) {
            return Region.AWS_CN_GLOBAL;
        }
        if (region.startsWith("us-gov-")) {
            return Region.AWS_US_GOV_GLOBAL;
        }
        return Region.AWS_GLOBAL;
    }

    @Override
    public void close() {
        sts.close();
        cloudFormation.close();
        apiGateway.close();
        ec2.close();
        lambda.close();
        iam.close();
        logs.close();
    }
}
