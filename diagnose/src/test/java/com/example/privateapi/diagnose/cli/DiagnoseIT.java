package com.example.privateapi.diagnose.cli;

import com.example.privateapi.diagnose.aws.AccountAccess;
import com.example.privateapi.diagnose.aws.AwsAccount;
import com.example.privateapi.diagnose.testing.DeploymentSeed;
import com.example.privateapi.diagnose.testing.MotoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static com.example.privateapi.diagnose.testing.DeploymentSeed.BACKEND_STACK;
import static com.example.privateapi.diagnose.testing.DeploymentSeed.CLIENT_STACK;
import static com.example.privateapi.diagnose.testing.DeploymentSeed.CONSUMER;
import static com.example.privateapi.diagnose.testing.DeploymentSeed.PROVIDER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The diagnosis end to end against moto's server mode, seeded with what deploy-all.sh creates: a working
 * deployment, then one broken hand-off per check.
 */
class DiagnoseIT {

    private static MotoServer moto;
    private static String skipped;

    record Run(int exit, String out) {
        List<String> lines() {
            return out.lines().toList();
        }

        /** The report line with this mark that contains every text, with the lines printed under it. */
        String line(String mark, String... texts) {
            List<String> lines = lines();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.startsWith("  " + mark + " ") && List.of(texts).stream().allMatch(line::contains)) {
                    StringBuilder block = new StringBuilder(line);
                    for (int j = i + 1; j < lines.size() && lines.get(j).startsWith("      "); j++) {
                        block.append('\n').append(lines.get(j));
                    }
                    return block.toString();
                }
            }
            throw new AssertionError("no line " + mark + " with " + List.of(texts) + " in:\n" + out);
        }

        long count(String mark) {
            return lines().stream().filter(l -> l.startsWith("  " + mark + " ")).count();
        }
    }

    @BeforeAll
    static void startMoto() throws Exception {
        skipped = MotoServer.unavailableReason();
        if (skipped != null) {
            System.out.println("SKIPPED: DiagnoseIT needs python3's moto (pip install 'moto[server]'): " + skipped);
            return;
        }
        moto = MotoServer.start(Map.of());
    }

    @AfterAll
    static void stopMoto() {
        if (moto != null) {
            moto.close();
        }
    }

    @BeforeEach
    void freshAccounts() throws Exception {
        if (moto == null) {
            Assumptions.abort(skipped);
        }
        moto.reset();
    }

    static Run diagnose(DeploymentSeed seed, String clientStack) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            int exit = new DiagnoseCommand(Clock.systemUTC()).run(seed.access("consumer", seed.consumerAccount),
                    clientStack, seed.access("provider", PROVIDER), BACKEND_STACK, out);
            return new Run(exit, bytes.toString(StandardCharsets.UTF_8));
        }
    }

    static Run diagnose(DeploymentSeed seed) {
        return diagnose(seed, CLIENT_STACK);
    }

    /** A broken deployment: exit 1, and exactly the expected lines fail. */
    static Run broken(DeploymentSeed seed, int failures) {
        Run run = diagnose(seed);
        assertEquals(1, run.exit(), run.out());
        assertEquals(failures, run.count("✗"), run.out());
        assertTrue(run.out().contains("Result: " + failures + " of "), run.out());
        return run;
    }

    static void assertContains(String block, String... texts) {
        for (String text : texts) {
            assertTrue(block.contains(text), () -> "expected \"" + text + "\" in:\n" + block);
        }
    }

    @Test
    void aWorkingDeploymentPassesEveryCheck() throws Exception {
        DeploymentSeed seed = new DeploymentSeed(moto.url).seed();
        Run run = diagnose(seed);
        assertEquals(0, run.exit(), run.out());
        assertEquals(0, run.count("✗"), run.out());
        assertEquals(0, run.count("–"), run.out());
        assertEquals(18, run.count("✔"), run.out());
        assertTrue(run.out().contains("Result: all 18 checks passed."), run.out());
        assertContains(run.line("✔", "direct client → API Gateway"), "Allow", "why: Cross-account request allowed by "
                + "\"role private-api-client-DirectAuthClientFunctionRole-7Y inline", "\"resource policy of API "
                + seed.apiId + "\" statement \"AllowListedPrincipals\"");
        assertContains(run.line("✔", "STS AssumeRole"), "\"trust policy of role "
                + "private-api-backend-APIAccessRole-1XQ2\" statement \"TrustedConsumers\"");
        assertContains(run.line("✔", "assume-role client → API Gateway"), "InvokeThisApiStage");
        assertContains(run.line("✔", "endpoint " + seed.endpointId + " is in pAllowedVPCEndpoints"));
        assertContains(run.line("✔", "assume-role client → STS endpoint " + seed.stsEndpointId));
        assertContains(run.line("·", "no denied requests in the last 24 hours"));
    }

    @Test
    void aPrefixThatIsNotTheStageNamesTheParameterAndItsValue() throws Exception {
        DeploymentSeed seed = new DeploymentSeed(moto.url);
        seed.apiPrefix = "/Dev";
        Run run = broken(seed.seed(), 6);
        assertContains(run.line("✗", "direct client: API_PREFIX is /Dev, the provider's stage is Prod"),
                "fix: set pAPIPrefix=/Prod on the consumer stack private-api-client (profile consumer)");
        assertContains(run.line("✗", "assume-role client: API_PREFIX is /Dev"), "fix: set pAPIPrefix=/Prod");
        // The endpoint policy the template builds from pAPIPrefix lets only /Dev through.
        assertContains(run.line("✗", "direct client: the policy of endpoint"), "(ImplicitDeny)",
                "fix: set pAPIPrefix=/Prod on the consumer stack");
        assertContains(run.line("✗", "direct client → API Gateway"), "/Dev/GET/", "ImplicitDeny");
    }

    @Test
    void anEndpointNotInTheAllowListIsAnExplicitDenyWithTheFix() throws Exception {
        DeploymentSeed seed = new DeploymentSeed(moto.url);
        seed.allowedEndpoints = "vpce-0000";
        Run run = broken(seed.seed(), 3);
        assertContains(run.line("✗", "is not in pAllowedVPCEndpoints of the provider stack (it has vpce-0000)"),
                "fix: set pAllowedVPCEndpoints=vpce-0000," + seed.endpointId + " on the provider stack "
                        + "private-api-backend (profile provider), then redeploy the stage");
        assertContains(run.line("✗", "direct client → API Gateway"), "ExplicitDeny",
                "with an explicit deny\"", "why: Explicit deny by \"resource policy of API " + seed.apiId
                        + "\" statement \"DenyOutsideAllowedEndpoints\": condition StringNotEquals aws:SourceVpce "
                        + "[vpce-0000] against the request's [" + seed.endpointId + "] holds");
        assertContains(run.line("✗", "assume-role client → API Gateway"), "ExplicitDeny");
    }

    @Test
    void aDirectRoleMissingFromTheAccessListIsNamed() throws Exception {
        DeploymentSeed seed = new DeploymentSeed(moto.url);
        seed.accessList = "None";
        Run run = broken(seed.seed(), 2);
        assertContains(run.line("✗", "the direct client's role " + seed.directRoleArn + " is not in pAPIAccessList"),
                "fix: set pAPIAccessList=" + seed.directRoleArn + " on the provider stack private-api-backend");
        assertContains(run.line("✗", "direct client → API Gateway"), "ImplicitDeny",
                "why: Cross-account request: no statement of \"resource policy of API " + seed.apiId + "\"");
        assertContains(run.line("✔", "assume-role client → API Gateway"), "Allow");
    }

    @Test
    void anUntrustedConsumerAccountFailsTheAssumeRoleOnly() throws Exception {
        DeploymentSeed seed = new DeploymentSeed(moto.url);
        seed.trustedPrincipals = "333333333333";
        Run run = broken(seed.seed(), 2);
        assertContains(run.line("✗", "pTrustedPrincipals of the provider stack does not name the consumer account "
                + CONSUMER + " (it has 333333333333)"), "fix: set pTrustedPrincipals=333333333333," + CONSUMER
                + " on the provider stack private-api-backend (profile provider)");
        assertContains(run.line("✗", "STS AssumeRole"), "STS answers AccessDenied \"User: arn:aws:sts::" + CONSUMER
                + ":assumed-role/private-api-client-AssumeRoleClientFunctionRole-3K/private-api-client-assume-role-"
                + "client is not authorized to perform: sts:AssumeRole on resource: " + seed.accessRoleArn + "\"",
                "trust policy of role private-api-backend-APIAccessRole-1XQ2");
        assertContains(run.line("✔", "direct client → API Gateway"), "Allow");
    }

    @Test
    void aRoleToAssumeThatIsNotTheAccessRoleNamesTheParameter() throws Exception {
        DeploymentSeed seed = new DeploymentSeed(moto.url);
        seed.roleToAssume = "arn:aws:iam::" + PROVIDER + ":role/SomeOtherRole";
        Run run = broken(seed.seed(), 2);
        assertContains(run.line("✗", "assume-role client: ROLE_TO_ASSUME is arn:aws:iam::" + PROVIDER
                + ":role/SomeOtherRole, not the provider's API access role " + seed.accessRoleArn),
                "fix: set pAPIRoleARN=" + seed.accessRoleArn + " on the consumer stack private-api-client");
        assertContains(run.line("✗", "could not read role SomeOtherRole"), "it does not exist");
        assertContains(run.line("–", "assume-role client → STS AssumeRole: not evaluated"));
    }

    @Test
    void anEndpointPolicyForTheWrongAccountNamesPApiAccountId() throws Exception {
        DeploymentSeed seed = new DeploymentSeed(moto.url);
        seed.apiAccountParameter = "Local";
        Run run = broken(seed.seed(), 4);
        assertContains(run.line("✗", "direct client: the policy of endpoint " + seed.endpointId
                        + " does not let its request for arn:aws:execute-api:us-east-1:" + PROVIDER + ":" + seed.apiId
                        + "/Prod/GET/ through"),
                "why: No statement of \"endpoint policy of " + seed.endpointId + "\" allows",
                "fix: set pAPIAccountID=" + PROVIDER + " on the consumer stack private-api-client (profile consumer)");
        assertContains(run.line("✗", "direct client → API Gateway"), "ImplicitDeny");
    }

    @Test
    void privateDnsOffOnTheEndpointWhileTheClientsExpectItIsNamed() throws Exception {
        DeploymentSeed seed = new DeploymentSeed(moto.url);
        seed.endpointPrivateDns = false;
        Run run = broken(seed.seed(), 2);
        assertContains(run.line("✗", "direct client: PRIVATE_DNS_ENABLED is True but endpoint " + seed.endpointId
                + " has private DNS off"), "fix: set pEnablePrivateDNS=True on the consumer stack private-api-client");
        assertContains(run.line("✗", "assume-role client: PRIVATE_DNS_ENABLED is True but"));
    }

    @Test
    void anEndpointGroupWithoutHttpsFromTheFunctionsTimesOut() throws Exception {
        DeploymentSeed seed = new DeploymentSeed(moto.url);
        seed.endpointIngress = false;
        Run run = broken(seed.seed(), 3);
        assertContains(run.line("✗", "direct client → execute-api endpoint " + seed.endpointId),
                "no ingress rule of " + seed.endpointGroup + " allows HTTPS (tcp 443) from the function's group "
                        + seed.clientGroup, "the connection times out",
                "aws ec2 authorize-security-group-ingress --group-id " + seed.endpointGroup
                        + " --ip-permissions 'IpProtocol=tcp,FromPort=443,ToPort=443,UserIdGroupPairs=[{GroupId="
                        + seed.clientGroup + "}]' --profile consumer");
        assertContains(run.line("✗", "assume-role client → STS endpoint " + seed.stsEndpointId), "no ingress rule");
    }

    @Test
    void withoutAnStsEndpointOrEgressTheAssumeRoleClientCannotReachSts() throws Exception {
        DeploymentSeed seed = new DeploymentSeed(moto.url);
        seed.stsEndpoint = false;
        seed.stsEgressRule = false;
        Run run = broken(seed.seed(), 1);
        assertContains(run.line("✗", "assume-role client → STS: no STS endpoint in the function's VPC and no HTTPS "
                + "egress to 0.0.0.0/0"), "fix: set pCreateSTSEndpoint=Yes on the consumer stack private-api-client");
        assertContains(run.line("✔", "direct client → execute-api endpoint"), "HTTPS allowed");
    }

    @Test
    void withoutAnStsEndpointEgressToAnywhereIsEnough() throws Exception {
        DeploymentSeed seed = new DeploymentSeed(moto.url);
        seed.stsEndpoint = false;
        Run run = diagnose(seed.seed());
        assertEquals(0, run.exit(), run.out());
        assertContains(run.line("✔", "assume-role client → STS: no STS endpoint in the function's VPC; "
                + seed.clientGroup + " allows HTTPS out to 0.0.0.0/0"), "is not checked");
    }

    @Test
    void aDeletedEndpointIsNotAvailable() throws Exception {
        DeploymentSeed seed = new DeploymentSeed(moto.url);
        seed.deleteEndpoint = true;
        Run run = diagnose(seed.seed());
        assertEquals(1, run.exit(), run.out());
        assertContains(run.line("✗", "endpoint " + seed.endpointId + " is deleted, not available"),
                "fix: update the consumer stack private-api-client (profile consumer) to recreate it");
    }

    /**
     * API Gateway developer guide, "Create and attach an API Gateway resource policy to an API": "If you update the
     * resource policy, you'll need to deploy the API."
     */
    @Test
    void aStageDeployedBeforeThePolicyChangedNeedsARedeploy() throws Exception {
        DeploymentSeed seed = new DeploymentSeed(moto.url);
        seed.deployBeforePolicyChange = true;
        Run run = broken(seed.seed(), 1);
        assertContains(run.line("✗", "stage Prod serves deployment", "made before the resource policy last changed "
                        + "(stack private-api-backend created"), "API Gateway still applies the policy of that deployment",
                "fix: redeploy the stage (deploy-all.sh step 4): aws apigateway create-deployment --rest-api-id "
                        + seed.apiId + " --stage-name Prod --profile provider --region us-east-1");
    }

    @Test
    void aMissingStackIsOneLineAndTheChecksThatNeedItSaySo() throws Exception {
        DeploymentSeed seed = new DeploymentSeed(moto.url).seed();
        Run run = diagnose(seed, "no-such-stack");
        assertEquals(1, run.exit(), run.out());
        assertEquals(1, run.count("✗"), run.out());
        assertContains(run.line("✗", "could not read the consumer stack no-such-stack: it does not exist in account "
                + CONSUMER + " (us-east-1): deploy it with ./deploy-all.sh, or set CLIENT_STACK to its name"));
        assertContains(run.line("–", "endpoint in pAllowedVPCEndpoints: not checked, the consumer stack "
                + "no-such-stack could not be read"));
        assertContains(run.line("–", "direct client: API_HOST and API_PREFIX: not checked"));
        assertContains(run.line("–", "direct client → API Gateway: not evaluated, the consumer stack no-such-stack "
                + "could not be read"));
        // What does not need the consumer stack is still checked.
        assertContains(run.line("✔", "stage Prod serves deployment"));
    }

    @Test
    void theLatestDenialsOfTheAccessLogAreShown() throws Exception {
        DeploymentSeed seed = new DeploymentSeed(moto.url);
        seed.accessLogLines.add("{\"requestId\":\"r1\",\"status\":\"200\",\"httpMethod\":\"GET\",\"path\":\"/Prod/\"}");
        seed.accessLogLines.add("{\"requestId\":\"r2\",\"status\":\"403\",\"httpMethod\":\"GET\",\"path\":\"/Prod/\","
                + "\"vpceId\":\"vpce-0000\",\"userArn\":\"arn:aws:sts::111111111111:assumed-role/R/S\","
                + "\"errorMessage\":\"User: arn:aws:sts::111111111111:assumed-role/R/S is not authorized\","
                + "\"authorizeError\":\"-\"}");
        Run run = diagnose(seed.seed());
        assertEquals(0, run.exit(), "an old denial in the log does not fail a working deployment:\n" + run.out());
        assertContains(run.line("·", "403 GET /Prod/ via vpce-0000 by arn:aws:sts::111111111111:assumed-role/R/S: "
                + "User: arn:aws:sts::111111111111:assumed-role/R/S is not authorized"));
        assertEquals(1, run.lines().stream().filter(l -> l.contains("403 GET")).count(), run.out());
        assertTrue(run.out().contains("Access log " + seed.logGroup + ": the latest denials"), run.out());
    }

    /**
     * A read refused for want of permission is one line naming the IAM action, and the diagnosis goes on. EC2 is
     * served by a second moto server that enforces IAM policies (after the three calls that create the reader's
     * role), where the consumer's profile may read everything but EC2; moto maps the reader's credentials, which
     * the first server did not issue, to its default account, where the consumer side is seeded.
     */
    @Test
    void aRefusedPermissionIsOneLineNamingTheActionAndTheRestIsStillChecked() throws Exception {
        try (MotoServer enforcing = MotoServer.start(Map.of("INITIAL_NO_AUTH_ACTION_COUNT", "3"))) {
            String defaultAccount = "123456789012";
            StaticCredentialsProvider reader = readerWithoutEc2(enforcing);
            DeploymentSeed seed = new DeploymentSeed(moto.url, defaultAccount).seed();
            AccountAccess consumer = new AccountAccess("consumer", DeploymentSeed.REGION, reader,
                    Map.of("*", moto.url, "ec2", enforcing.url));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            int exit;
            try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
                exit = new DiagnoseCommand(Clock.systemUTC()).run(consumer, CLIENT_STACK,
                        seed.access("provider", PROVIDER), BACKEND_STACK, out);
            }
            Run run = new Run(exit, bytes.toString(StandardCharsets.UTF_8));
            assertEquals(1, run.exit(), run.out());
            assertContains(run.line("✗", "could not read the execute-api endpoint " + seed.endpointId
                    + ": ec2:DescribeVpcEndpoints denied"));
            assertContains(run.line("✗", "could not read the subnets", ": ec2:DescribeSubnets denied"));
            assertContains(run.line("✗", "could not read the security groups", ": ec2:DescribeSecurityGroups denied"));
            assertEquals(3, run.count("✗"), "one line per refused permission, nothing else fails:\n" + run.out());
            for (String action : List.of("ec2:DescribeVpcEndpoints", "ec2:DescribeSubnets",
                    "ec2:DescribeSecurityGroups")) {
                assertEquals(1, run.lines().stream().filter(l -> l.contains(action + " denied")).count(), run.out());
            }
            assertContains(run.line("–", "endpoint policy: not checked, the execute-api endpoint " + seed.endpointId
                    + " could not be read"));
            assertContains(run.line("✔", "direct client: API_HOST and API_PREFIX name the provider's API"));
            assertContains(run.line("✔", "STS AssumeRole"), "Allow");
        }
    }

    private static StaticCredentialsProvider readerWithoutEc2(MotoServer enforcing) {
        StaticCredentialsProvider bootstrap = StaticCredentialsProvider.create(AwsBasicCredentials.create(
                "AKIAIOSFODNN7EXAMPLE", "bootstrap"));
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
                + "{\"AWS\":\"*\"},\"Action\":\"sts:AssumeRole\"}]}";
        String readAllButEc2 = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\","
                + "\"Resource\":\"*\"},{\"Effect\":\"Deny\",\"Action\":\"ec2:*\",\"Resource\":\"*\"}]}";
        try (IamClient iam = IamClient.builder().endpointOverride(enforcing.url).region(Region.AWS_GLOBAL)
                .credentialsProvider(bootstrap).httpClientBuilder(ApacheHttpClient.builder()).build();
             StsClient sts = StsClient.builder().endpointOverride(enforcing.url).region(Region.US_EAST_1)
                     .credentialsProvider(bootstrap).httpClientBuilder(ApacheHttpClient.builder()).build()) {
            String arn = iam.createRole(r -> r.roleName("reader").assumeRolePolicyDocument(trust)).role().arn();
            iam.putRolePolicy(r -> r.roleName("reader").policyName("ReadAllButEc2").policyDocument(readAllButEc2));
            Credentials c = sts.assumeRole(r -> r.roleArn(arn).roleSessionName("diagnose")).credentials();
            return StaticCredentialsProvider.create(AwsSessionCredentials.create(c.accessKeyId(),
                    c.secretAccessKey(), c.sessionToken()));
        }
    }

    @Test
    void theDiagnosisRefusesEveryCallThatIsNotARead() throws Exception {
        DeploymentSeed seed = new DeploymentSeed(moto.url).seed();
        try (SdkHttpClient http = UrlConnectionHttpClient.create();
             AwsAccount provider = new AwsAccount(seed.access("provider", PROVIDER), http)) {
            IllegalStateException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                    () -> provider.cloudFormation().deleteStack(r -> r.stackName(BACKEND_STACK)));
            assertContains(refused.getMessage(), "refused CloudFormation DeleteStack");
            assertEquals(List.of(), provider.callsMade());
        }
        Run run = diagnose(seed);
        assertEquals(0, run.exit(), "the stack is still there:\n" + run.out());
    }

    /** diagnose.sh with two profiles of the shared config and credentials files, as a user runs it. */
    @Test
    void diagnoseShReadsTheProfilesAndExits1OnABrokenDeployment(@TempDir Path dir) throws Exception {
        DeploymentSeed seed = new DeploymentSeed(moto.url);
        seed.allowedEndpoints = "vpce-0000";
        seed.seed();
        StringBuilder credentials = new StringBuilder();
        for (String[] profile : new String[][] {{"consumer", CONSUMER}, {"provider", PROVIDER}}) {
            AwsSessionCredentials c = (AwsSessionCredentials) seed.credentials(profile[1]).resolveCredentials();
            credentials.append('[').append(profile[0]).append("]\naws_access_key_id = ").append(c.accessKeyId())
                    .append("\naws_secret_access_key = ").append(c.secretAccessKey())
                    .append("\naws_session_token = ").append(c.sessionToken()).append('\n');
        }
        Path config = Files.writeString(dir.resolve("config"),
                "[profile consumer]\nregion = us-east-1\n[profile provider]\nregion = us-east-1\n");
        Path credentialsFile = Files.writeString(dir.resolve("credentials"), credentials);
        DiagnoseScriptIT.Result result = DiagnoseScriptIT.script(Map.of("AWS_CONFIG_FILE", config.toString(),
                "AWS_SHARED_CREDENTIALS_FILE", credentialsFile.toString(), "AWS_ENDPOINT_URL", moto.url.toString()),
                "consumer", "provider");
        Run run = new Run(result.exit(), result.out());
        assertEquals(1, run.exit(), result.out() + result.err());
        assertContains(run.line("✗", "is not in pAllowedVPCEndpoints"), "fix: set pAllowedVPCEndpoints=vpce-0000,"
                + seed.endpointId + " on the provider stack private-api-backend (profile provider)");
        assertContains(run.out(), "consumer: stack private-api-client, profile consumer, account " + CONSUMER);
        assertEquals(3, run.count("✗"), run.out());
    }
}
