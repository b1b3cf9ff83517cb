package com.example.privateapi.client;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * Calls {@code GET /} of the private API: signs with SigV4 for {@code execute-api} and sends with the SDK's
 * url-connection client. Shared by both client functions; built once per execution environment.
 */
public final class SigningApiClient {

    /** Signing runs this often in priming: enough for the JIT to compile it, not only to load its classes. */
    static final int PRIMING_ROUNDS = 50;

    private final SdkHttpClient http;
    private final RequestSigner signer;
    private final ApiTarget target;

    public SigningApiClient(SdkHttpClient http, RequestSigner signer, ApiTarget target) {
        this.http = http;
        this.signer = signer;
        this.target = target;
    }

    /**
     * @param credentials  who signs (resolved here, so a credential failure is reported as such)
     * @param principalArn how logs name the signer (never a key)
     */
    public ApiResponse get(Supplier<AwsCredentialsIdentity> credentials, String principalArn) {
        SdkHttpRequest signed = signedRequest(credentials.get());
        long start = System.nanoTime();
        try {
            ExecutableHttpRequest call = http.prepareRequest(HttpExecuteRequest.builder().request(signed).build());
            HttpExecuteResponse response = call.call();
            String body = read(response.responseBody().orElse(null));
            int status = response.httpResponse().statusCode();
            log(principalArn, status, start);
            return new ApiResponse(status, body);
        } catch (IOException | UncheckedIOException | SdkException e) {
            log(principalArn, -1, start);
            throw new ClientFailure("Could not reach the API at " + target.url() + ": " + e.getMessage()
                    + ". Check that the execute-api VPC endpoint exists in this VPC and its security group allows "
                    + "HTTPS (443) from this function, and that API_HOST (private DNS on) or VPCE_DNS_NAMES (private "
                    + "DNS off) names it.", e);
        }
    }

    /**
     * The work of a first call short of the network: signs the request (with the given stand-in credentials) and
     * prepares the connection object, which is discarded unopened.
     */
    void prime(AwsCredentialsIdentity standIn) {
        for (int round = 0; round < PRIMING_ROUNDS; round++) {
            http.prepareRequest(HttpExecuteRequest.builder().request(signedRequest(standIn)).build()).abort();
        }
    }

    String host() {
        return target.url().getHost();
    }

    private SdkHttpRequest signedRequest(AwsCredentialsIdentity identity) {
        SdkHttpRequest.Builder request = SdkHttpRequest.builder().method(SdkHttpMethod.GET).uri(target.url());
        target.headers().forEach(request::putHeader);
        return signer.sign(request.build(), identity);
    }

    private void log(String principalArn, int status, long start) {
        System.out.println("{\"target\":\"" + target.url() + "\",\"principal\":\"" + principalArn + "\",\"status\":"
                + status + ",\"latencyMs\":" + (System.nanoTime() - start) / 1_000_000 + "}");
    }

    private static String read(AbortableInputStream body) throws IOException {
        if (body == null) {
            return "";
        }
        try (InputStream in = body) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
