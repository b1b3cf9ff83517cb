package com.example.privateapi.client;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.StsException;

import java.util.Map;

/**
 * Assumes a role in the provider account (its trust policy names this account) and calls the API signed with
 * those credentials. The credentials are cached across invocations and refreshed before they expire: one STS
 * call per credential lifetime, not one per invocation.
 */
public final class AssumeRoleHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    /** STS's minimum; the provider refreshes five minutes before expiry. */
    static final int SESSION_SECONDS = 900;

    private final SigningApiClient api;
    private final AwsCredentialsProvider credentials;
    private final String roleArn;
    private final String principal;
    private final String stsEndpoint;

    /** Lambda's constructor: everything is built once per execution environment. */
    public AssumeRoleHandler() {
        this(ClientConfig.fromEnvironment(System.getenv()));
    }

    private AssumeRoleHandler(ClientConfig config) {
        this(config, Clients.httpClient(config));
    }

    private AssumeRoleHandler(ClientConfig config, SdkHttpClient http) {
        this(config, Clients.apiClient(config, http), StsClient.builder().region(Region.of(config.region()))
                .httpClient(http).build());
    }

    public AssumeRoleHandler(ClientConfig config, SigningApiClient api, StsClient sts) {
        if (config.roleToAssume() == null) {
            throw new ConfigException("ROLE_TO_ASSUME must be set to the ARN of the provider's API access role "
                    + "(the provider stack's APIAccessRole output) for the assume-role client");
        }
        this.api = api;
        this.roleArn = config.roleToAssume();
        String session = sessionName(config.functionName());
        this.credentials = StsAssumeRoleCredentialsProvider.builder().stsClient(sts)
                .refreshRequest(r -> r.roleArn(roleArn).roleSessionName(session).durationSeconds(SESSION_SECONDS))
                .build();
        String account = roleArn.split(":")[4];
        this.principal = "arn:aws:sts::" + account + ":assumed-role/" + roleArn.substring(roleArn.lastIndexOf('/') + 1)
                + "/" + session;
        this.stsEndpoint = config.stsEndpoint();
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        return api.get(() -> {
            try {
                return credentials.resolveCredentials();
            } catch (StsException e) {
                String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode() + ": ";
                throw new ClientFailure("STS refused to assume " + roleArn + ": " + code
                        + (e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage())
                        + ". Check the role's trust policy names this account (pTrustedPrincipals of the provider "
                        + "stack), that this function's role may sts:AssumeRole on it, and ROLE_TO_ASSUME.", e);
            } catch (SdkClientException e) {
                throw new ClientFailure("Could not reach STS at " + stsEndpoint + ": " + e.getMessage()
                        + ". Check the STS VPC endpoint (pCreateSTSEndpoint) and that the function's security group "
                        + "allows HTTPS (443) to it.", e);
            }
        }, principal).toMap();
    }

    /** STS session names: 2 to 64 characters of [\w+=,.@-]. */
    static String sessionName(String functionName) {
        String base = functionName == null || functionName.isBlank() ? "private-api-client" : functionName;
        String cleaned = base.replaceAll("[^\\w+=,.@-]", "-");
        return cleaned.length() > 64 ? cleaned.substring(0, 64) : cleaned.length() < 2 ? cleaned + "-client" : cleaned;
    }
}
