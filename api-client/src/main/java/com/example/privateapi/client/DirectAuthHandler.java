package com.example.privateapi.client;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import org.crac.Core;
import org.crac.Resource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/**
 * Calls the API signed with the function's own execution role, which the API's resource policy names.
 *
 * <p>With SnapStart, {@link #beforeCheckpoint} does the work of a first request without the network (so the
 * snapshot holds it done) and {@link #afterRestore} gives each restored environment its own credentials provider.
 */
public final class DirectAuthHandler implements RequestStreamHandler, Resource {

    /** Signs the priming request: never valid anywhere, and never sent. */
    static final AwsBasicCredentials PRIMING_CREDENTIALS = AwsBasicCredentials.create("AKIAPRIMINGONLY00000",
            "priming-only-never-sent");

    private final SigningApiClient api;
    private final RenewableCredentials credentials;
    private final JvmTls tls;
    private final boolean priming;
    private final String principal;

    /** Lambda's constructor: everything is built once per execution environment. */
    public DirectAuthHandler() {
        this(ClientConfig.fromEnvironment(System.getenv()), JvmTls.load(), System.getenv());
        Core.getGlobalContext().register(this);
    }

    private DirectAuthHandler(ClientConfig config, JvmTls tls, Map<String, String> env) {
        this(config, Clients.httpClient(config, tls), tls,
                new RenewableCredentials(() -> LambdaCredentials.fromEnvironment(env)));
    }

    private DirectAuthHandler(ClientConfig config, SdkHttpClient http, JvmTls tls,
                              RenewableCredentials credentials) {
        this(Clients.apiClient(config, http), credentials, tls, config.priming(), config.functionName());
    }

    DirectAuthHandler(SigningApiClient api, RenewableCredentials credentials, JvmTls tls, boolean priming,
                      String functionName) {
        this.api = api;
        this.credentials = credentials;
        this.tls = tls;
        this.priming = priming;
        this.principal = "execution role of " + (functionName == null ? "this function" : functionName);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        input.transferTo(OutputStream.nullOutputStream());
        call().writeJson(output);
    }

    ApiResponse call() {
        return api.get(() -> {
            try {
                return credentials.resolveCredentials();
            } catch (SdkClientException e) {
                throw new ClientFailure("No credentials to sign with: " + e.getMessage() + ". On Lambda they come "
                        + "from the execution role; elsewhere set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY.", e);
            }
        }, principal);
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) throws IOException {
        if (priming) {
            api.prime(PRIMING_CREDENTIALS);
            TlsPriming.prime(tls.trust(), api.host());
            new ApiResponse(200, "{\"primed\":true}").writeJson(OutputStream.nullOutputStream());
        }
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        credentials.renewAndFetch();
    }
}
