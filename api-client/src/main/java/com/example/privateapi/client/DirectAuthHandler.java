package com.example.privateapi.client;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;

import java.util.Map;

/** Calls the API signed with the function's own execution role, which the API's resource policy names. */
public final class DirectAuthHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private final SigningApiClient api;
    private final AwsCredentialsProvider credentials;
    private final String principal;

    /** Lambda's constructor: everything is built once per execution environment. */
    public DirectAuthHandler() {
        this(ClientConfig.fromEnvironment(System.getenv()), DefaultCredentialsProvider.builder().build());
    }

    DirectAuthHandler(ClientConfig config, AwsCredentialsProvider credentials) {
        this(Clients.apiClient(config, Clients.httpClient(config)), credentials, config.functionName());
    }

    public DirectAuthHandler(SigningApiClient api, AwsCredentialsProvider credentials, String functionName) {
        this.api = api;
        this.credentials = credentials;
        this.principal = "execution role of " + (functionName == null ? "this function" : functionName);
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        return api.get(() -> {
            try {
                return credentials.resolveCredentials();
            } catch (SdkClientException e) {
                throw new ClientFailure("No credentials to sign with: " + e.getMessage() + ". On Lambda they come "
                        + "from the execution role; elsewhere set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY.", e);
            }
        }, principal).toMap();
    }
}
