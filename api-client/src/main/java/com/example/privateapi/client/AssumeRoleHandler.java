package com.example.privateapi.client;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import org.crac.Core;
import org.crac.Resource;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/**
 * Assumes a role in the provider account (its trust policy names this account) and calls the API signed with
 * those credentials. The credentials are cached across invocations and refreshed before they expire: one STS
 * call per credential lifetime, not one per invocation.
 *
 * <p>With SnapStart, {@link #beforeCheckpoint} does the work of a first request without the network (the STS call
 * and the API call signed with stand-in credentials, an STS answer read, TLS prepared) and {@link #afterRestore}
 * gives each restored environment its own credentials: neither the function's nor the assumed role's are shared.
 */
public final class AssumeRoleHandler implements RequestStreamHandler, Resource {

    /** STS's minimum; the credentials are refreshed five minutes before expiry. */
    static final int SESSION_SECONDS = 900;
    /** What priming reads instead of asking STS: an answer in STS's own shape. */
    static final byte[] PRIMING_ANSWER = ("<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
            + "<AssumeRoleResult><Credentials><AccessKeyId>ASIAPRIMINGONLY00000</AccessKeyId>"
            + "<SecretAccessKey>priming-only</SecretAccessKey><SessionToken>priming-only</SessionToken>"
            + "<Expiration>2000-01-01T00:00:00Z</Expiration></Credentials></AssumeRoleResult>"
            + "</AssumeRoleResponse>").getBytes(StandardCharsets.UTF_8);

    private final SigningApiClient api;
    private final StsAssumeRole sts;
    private final RenewableCredentials caller;
    private final AssumedRoleCredentials credentials;
    private final JvmTls tls;
    private final boolean priming;
    private final String roleArn;
    private final String principal;
    private final String stsEndpoint;

    /** Lambda's constructor: everything is built once per execution environment. */
    public AssumeRoleHandler() {
        this(ClientConfig.fromEnvironment(System.getenv()), JvmTls.load(), System.getenv());
        Core.getGlobalContext().register(this);
    }

    private AssumeRoleHandler(ClientConfig config, JvmTls tls, Map<String, String> env) {
        this(config, Clients.httpClient(config, tls), tls,
                new RenewableCredentials(() -> LambdaCredentials.fromEnvironment(env)));
    }

    private AssumeRoleHandler(ClientConfig config, SdkHttpClient http, JvmTls tls,
                              RenewableCredentials caller) {
        this(config, Clients.apiClient(config, http), http, tls, caller, Clock.systemUTC());
    }

    AssumeRoleHandler(ClientConfig config, SigningApiClient api, SdkHttpClient http, JvmTls tls,
                      RenewableCredentials caller, Clock clock) {
        if (config.roleToAssume() == null) {
            throw new ConfigException("ROLE_TO_ASSUME must be set to the ARN of the provider's API access role "
                    + "(the provider stack's APIAccessRole output) for the assume-role client");
        }
        this.api = api;
        this.roleArn = config.roleToAssume();
        String session = sessionName(config.functionName());
        this.sts = new StsAssumeRole(http, new RequestSigner("sts", config.region(), clock), config.stsEndpoint(),
                roleArn, session, SESSION_SECONDS);
        this.caller = caller;
        this.credentials = new AssumedRoleCredentials(sts, caller, clock);
        this.tls = tls;
        this.priming = config.priming();
        String account = roleArn.split(":")[4];
        this.principal = "arn:aws:sts::" + account + ":assumed-role/" + roleArn.substring(roleArn.lastIndexOf('/') + 1)
                + "/" + session;
        this.stsEndpoint = config.stsEndpoint().toString();
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
            } catch (StsAssumeRole.StsFailure e) {
                throw new ClientFailure("STS refused to assume " + roleArn + ": " + e.getMessage()
                        + ". Check the role's trust policy names this account (pTrustedPrincipals of the provider "
                        + "stack), that this function's role may sts:AssumeRole on it, and ROLE_TO_ASSUME.", e);
            } catch (UncheckedIOException | SdkClientException e) {
                throw new ClientFailure("Could not reach STS at " + stsEndpoint + ": " + e.getMessage()
                        + ". Check the STS VPC endpoint (pCreateSTSEndpoint) and that the function's security group "
                        + "allows HTTPS (443) to it.", e);
            }
        }, principal);
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) throws IOException {
        if (priming) {
            sts.signedRequest(DirectAuthHandler.PRIMING_CREDENTIALS);
            StsAssumeRole.parse(200, PRIMING_ANSWER);
            try {
                StsAssumeRole.parse(403, ("<ErrorResponse><Error><Code>AccessDenied</Code><Message>priming</Message>"
                        + "</Error></ErrorResponse>").getBytes(StandardCharsets.UTF_8));
            } catch (StsAssumeRole.StsFailure expected) {
                // The error path's classes are primed too.
            }
            api.prime(DirectAuthHandler.PRIMING_CREDENTIALS);
            TlsPriming.prime(tls.trust(), api.host());
            new ApiResponse(200, "{\"primed\":true}").writeJson(OutputStream.nullOutputStream());
        }
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // The function's own credentials come from Lambda's local endpoint; the assumed role's are a call to STS,
        // left to the first request, which reports an STS failure with what to check.
        caller.renewAndFetch();
        credentials.renew();
    }

    /** STS session names: 2 to 64 characters of [\w+=,.@-]. */
    static String sessionName(String functionName) {
        String base = functionName == null || functionName.isBlank() ? "private-api-client" : functionName;
        String cleaned = base.replaceAll("[^\\w+=,.@-]", "-");
        return cleaned.length() > 64 ? cleaned.substring(0, 64) : cleaned.length() < 2 ? cleaned + "-client" : cleaned;
    }
}
