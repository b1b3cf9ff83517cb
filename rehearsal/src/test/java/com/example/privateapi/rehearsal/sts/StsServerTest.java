package com.example.privateapi.rehearsal.sts;

import com.example.privateapi.iam.Policy;
import com.example.privateapi.iam.PolicyKind;
import com.example.privateapi.iam.PolicyEvaluator;
import com.example.privateapi.rehearsal.identity.Credentials;
import com.example.privateapi.rehearsal.identity.IdentityStore;
import com.example.privateapi.rehearsal.identity.Role;
import com.example.privateapi.rehearsal.sigv4.SigV4Verifier;
import com.example.privateapi.rehearsal.testing.MutableClock;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.StsException;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rehearsal's STS with the unmodified SDK StsClient and the aws CLI as clients. */
class StsServerTest {

    static final String CONSUMER = "111111111111";
    static final String PROVIDER = "222222222222";
    static final String ROLE_ARN = "arn:aws:iam::" + PROVIDER + ":role/ApiAccessRole";
    static final String TRUST_CONSUMER = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"AWS\":\"" + CONSUMER + "\"},\"Action\":\"sts:AssumeRole\"}]}";
    static final String MAY_ASSUME = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"sts:AssumeRole\",\"Resource\":\"" + ROLE_ARN + "\"}]}";

    final MutableClock clock = new MutableClock(Instant.now());
    final IdentityStore identities = new IdentityStore(clock);
    final List<String> denials = new CopyOnWriteArrayList<>();
    StsServer sts;
    URI endpoint;
    Credentials caller;

    @BeforeEach
    void start() throws Exception {
        identities.putRole(role(TRUST_CONSUMER));
        caller = identities.createUser(CONSUMER, "client", List.of(Policy.parse("client inline", MAY_ASSUME,
                PolicyKind.IDENTITY)));
        sts = new StsServer(identities, new SigV4Verifier(identities, clock), new PolicyEvaluator(), "us-east-1",
                denials::add);
        endpoint = sts.start();
    }

    @AfterEach
    void stop() {
        sts.close();
    }

    static Role role(String trustPolicy) {
        return new Role(ROLE_ARN, "AROAAPIACCESSROLE001", Policy.parse("trust policy of role ApiAccessRole",
                trustPolicy, PolicyKind.TRUST), List.of(), Duration.ofHours(1));
    }

    StsClient client(AwsCredentials credentials) {
        return StsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(credentials)).build();
    }

    AwsCredentials sdk(Credentials c) {
        return c.sessionToken() == null ? AwsBasicCredentials.create(c.accessKeyId(), c.secretAccessKey())
                : AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken());
    }

    @Test
    void theSdkGetsTheCallerIdentity() {
        try (StsClient client = client(sdk(caller))) {
            GetCallerIdentityResponse identity = client.getCallerIdentity();
            assertEquals("arn:aws:iam::" + CONSUMER + ":user/client", identity.arn());
            assertEquals(CONSUMER, identity.account());
            assertEquals(caller.principal().userId(), identity.userId());
        }
    }

    @Test
    void theSdkAssumesARoleThatTrustsItsAccountAndSignsWithTheSession() {
        try (StsClient client = client(sdk(caller))) {
            AssumeRoleResponse assumed = client.assumeRole(r -> r.roleArn(ROLE_ARN).roleSessionName("rehearsal")
                    .durationSeconds(900));
            assertTrue(assumed.credentials().accessKeyId().startsWith("ASIA"));
            assertEquals("arn:aws:sts::" + PROVIDER + ":assumed-role/ApiAccessRole/rehearsal",
                    assumed.assumedRoleUser().arn());
            assertEquals("AROAAPIACCESSROLE001:rehearsal", assumed.assumedRoleUser().assumedRoleId());
            long seconds = Duration.between(clock.instant(), assumed.credentials().expiration()).getSeconds();
            assertTrue(seconds >= 899 && seconds <= 900, "expires in " + seconds + " s");

            try (StsClient session = client(AwsSessionCredentials.create(assumed.credentials().accessKeyId(),
                    assumed.credentials().secretAccessKey(), assumed.credentials().sessionToken()))) {
                assertEquals(assumed.assumedRoleUser().arn(), session.getCallerIdentity().arn());
            }
        }
    }

    @Test
    void aTrustPolicyNotNamingTheCallersAccountIsAccessDeniedWithTheReasonLogged() {
        identities.putRole(role(TRUST_CONSUMER.replace(CONSUMER, "333333333333")));
        try (StsClient client = client(sdk(caller))) {
            StsException e = assertThrows(StsException.class,
                    () -> client.assumeRole(r -> r.roleArn(ROLE_ARN).roleSessionName("rehearsal")));
            assertEquals(403, e.statusCode());
            assertEquals("AccessDenied", e.awsErrorDetails().errorCode());
            assertEquals("User: arn:aws:iam::" + CONSUMER + ":user/client is not authorized to perform: "
                    + "sts:AssumeRole on resource: " + ROLE_ARN, e.awsErrorDetails().errorMessage());
        }
        assertEquals(1, denials.size());
        assertTrue(denials.get(0).contains("Cross-account request"), denials.get(0));
    }

    /**
     * Within one account an identity-policy allow is not enough: "IAM role trust policies ... must explicitly allow
     * access for principals" (IAM User Guide, "How AWS enforcement code logic evaluates requests to allow or deny
     * access", "Resource-based policies").
     */
    @Test
    void inTheRolesOwnAccountTheTrustPolicyMustAllowTheCallerToo() {
        Credentials local = identities.createUser(PROVIDER, "operator", List.of(Policy.parse("operator inline",
                MAY_ASSUME, PolicyKind.IDENTITY)));
        try (StsClient client = client(sdk(local))) {
            StsException e = assertThrows(StsException.class,
                    () -> client.assumeRole(r -> r.roleArn(ROLE_ARN).roleSessionName("operator")));
            assertEquals("AccessDenied", e.awsErrorDetails().errorCode());
        }
        assertTrue(denials.get(0).contains("a role's trust policy must allow the caller explicitly, even within one "
                + "account"), denials.get(0));

        // Naming the provider's own account delegates to its identity policies: now the allow counts.
        identities.putRole(role(TRUST_CONSUMER.replace("\"" + CONSUMER + "\"",
                "[\"" + CONSUMER + "\",\"arn:aws:iam::" + PROVIDER + ":root\"]")));
        try (StsClient client = client(sdk(local))) {
            assertEquals("arn:aws:sts::" + PROVIDER + ":assumed-role/ApiAccessRole/operator",
                    client.assumeRole(r -> r.roleArn(ROLE_ARN).roleSessionName("operator")).assumedRoleUser().arn());
        }
        Credentials bare = identities.createUser(PROVIDER, "bare", List.of());
        try (StsClient client = client(sdk(bare))) {
            assertThrows(StsException.class, () -> client.assumeRole(r -> r.roleArn(ROLE_ARN).roleSessionName("bare")));
        }
        assertTrue(denials.get(1).contains("names the account " + PROVIDER + ", which delegates to the account"),
                denials.get(1));
    }

    @Test
    void aCallerWithoutAnIdentityPolicyAllowingItIsDeniedCrossAccount() {
        Credentials bare = identities.createUser(CONSUMER, "bare", List.of());
        try (StsClient client = client(sdk(bare))) {
            StsException e = assertThrows(StsException.class,
                    () -> client.assumeRole(r -> r.roleArn(ROLE_ARN).roleSessionName("rehearsal")));
            assertEquals("AccessDenied", e.awsErrorDetails().errorCode());
        }
        // The trust policy names the consumer account: a delegation its identity policies must take up.
        assertTrue(denials.get(0).contains("names the account " + CONSUMER + ", which delegates to the account: the "
                + "caller's identity policies must allow too, and none does"), denials.get(0));
    }

    @Test
    void durationsOutsideTheBoundsAreValidationErrors() {
        try (StsClient client = client(sdk(caller))) {
            StsException tooShort = assertThrows(StsException.class, () -> client.assumeRole(r -> r.roleArn(ROLE_ARN)
                    .roleSessionName("rehearsal").durationSeconds(600)));
            assertEquals("ValidationError", tooShort.awsErrorDetails().errorCode());
            assertTrue(tooShort.awsErrorDetails().errorMessage().contains("greater than or equal to 900"));
            StsException tooLong = assertThrows(StsException.class, () -> client.assumeRole(r -> r.roleArn(ROLE_ARN)
                    .roleSessionName("rehearsal").durationSeconds(7200)));
            assertEquals("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.",
                    tooLong.awsErrorDetails().errorMessage());
        }
    }

    @Test
    void anExpiredSessionTokenIsRefusedWithExpiredToken() {
        Role role = identities.role(ROLE_ARN).orElseThrow();
        Credentials session = identities.startRoleSession(role, "short", Duration.ofMinutes(15));
        clock.advance(Duration.ofMinutes(16));
        try (StsClient client = client(sdk(session))) {
            StsException e = assertThrows(StsException.class, client::getCallerIdentity);
            assertEquals("ExpiredToken", e.awsErrorDetails().errorCode());
            assertEquals("The security token included in the request is expired", e.awsErrorDetails().errorMessage());
        }
    }

    @Test
    void anUnknownKeyIsInvalidClientTokenId() {
        try (StsClient client = client(AwsBasicCredentials.create("AKIANOBODY0000000000", "secret"))) {
            StsException e = assertThrows(StsException.class, client::getCallerIdentity);
            assertEquals("InvalidClientTokenId", e.awsErrorDetails().errorCode());
        }
    }

    @Test
    void theAwsCliWorksAgainstIt() throws Exception {
        String identity = aws(caller, "sts", "get-caller-identity");
        JsonObject json = JsonParser.parseString(identity).getAsJsonObject();
        assertEquals(CONSUMER, json.get("Account").getAsString());

        String assumed = aws(caller, "sts", "assume-role", "--role-arn", ROLE_ARN, "--role-session-name", "cli");
        JsonObject credentials = JsonParser.parseString(assumed).getAsJsonObject().getAsJsonObject("Credentials");
        assertTrue(credentials.get("AccessKeyId").getAsString().startsWith("ASIA"), assumed);
    }

    private String aws(Credentials credentials, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("aws", "--endpoint-url", endpoint.toString(),
                "--region", "us-east-1", "--output", "json"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_"));
        env.put("AWS_ACCESS_KEY_ID", credentials.accessKeyId());
        env.put("AWS_SECRET_ACCESS_KEY", credentials.secretAccessKey());
        env.put("AWS_CONFIG_FILE", "/dev/null");
        env.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
        Process process;
        try {
            process = builder.start();
        } catch (java.io.IOException e) {
            org.junit.jupiter.api.Assumptions.abort("SKIPPED: the aws CLI is not installed: " + e.getMessage());
            throw e;
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "aws CLI timed out");
        assertEquals(0, process.exitValue(), output);
        return output;
    }
}
