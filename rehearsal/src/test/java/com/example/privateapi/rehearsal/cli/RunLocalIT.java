package com.example.privateapi.rehearsal.cli;

import com.example.privateapi.rehearsal.template.DeployTarget;
import com.example.privateapi.rehearsal.template.TemplateReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * run-local end to end: the real templates, the Lambda jars the build produced, the real handlers in their own
 * JVMs, dynalite, STS and the gateway; the deploy flow of deploy-all.sh and the misconfigurations users hit.
 */
class RunLocalIT {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    record Run(int exit, String out) {
        long count(String text) {
            return out.lines().filter(l -> l.startsWith(text)).count();
        }
    }

    @BeforeAll
    static void jarsAreBuilt() {
        for (String jar : List.of("api-backend/target/api-backend.jar", "api-client/target/api-client.jar")) {
            assertTrue(Files.isRegularFile(ROOT.resolve(jar)), jar + " is missing: run mvn verify from the project root");
        }
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            int exit;
            try {
                CommandLine.Command command = CommandLine.parse(List.of(args));
                exit = new RunLocalCommand(ROOT).run(((CommandLine.Rehearse) command).options(), print, print);
            } catch (CommandLine.UsageException e) {
                print.println(CommandLine.describe(e));
                exit = ExitStatus.USAGE;
            }
            return new Run(exit, out.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void bothClientsSucceedAndTheirRequestsAreReadBack() {
        Run run = run("--verbose");
        assertEquals(0, run.exit(), run.out());
        assertEquals(2, run.count("SUCCESS: "), run.out());
        assertEquals(2, run.out().lines().filter(l -> l.startsWith("    recorded ")).count(), run.out());
        assertTrue(run.out().contains("\"vpceId\":\"vpce-"), "the identity names the endpoint: " + run.out());
        assertTrue(run.count("    access-log {") >= 4, "each request leaves an access-log line: " + run.out());
        assertTrue(run.out().contains("] START RequestId: ") || run.out().contains("    [private-api-"),
                "the functions' own lines are shown: " + run.out());
    }

    @Test
    void aPassingRunPrintsStepsAndVerdictsOnlyInLinesATerminalShowsWhole() {
        Run run = run();
        assertEquals(0, run.exit(), run.out());
        assertEquals(2, run.count("SUCCESS: "), run.out());
        assertTrue(run.out().contains("    2 of 2 requests read back from the table"), run.out());
        for (String line : run.out().split("\n")) {
            assertTrue(line.length() <= 120, "longer than 120 columns: " + line);
            assertTrue(line.startsWith("[") || line.startsWith("    ") || line.startsWith("SUCCESS: ")
                    || line.startsWith("Offline rehearsal") || line.startsWith("Rehearsal passed in "),
                    "not a step, a step's detail or a verdict: " + line);
            assertTrue(!line.contains("access-log") && !line.contains("{\"") && !line.contains("SLF4J"), line);
        }
    }

    @Test
    void anEndpointNotInTheAllowListIsAnExplicitDenyNamingTheStatement() {
        Run run = run("--provider-param", "pAllowedVPCEndpoints=vpce-0000");
        assertEquals(1, run.exit(), run.out());
        assertEquals(2, run.count("FAILED: "), run.out());
        assertTrue(run.out().contains("is not authorized to perform: execute-api:Invoke on resource: "
                + "arn:aws:execute-api:us-east-1:222222222222:"), run.out());
        assertTrue(run.out().contains("/Prod/GET/ with an explicit deny"), run.out());
        assertTrue(run.out().contains("why (API Gateway): Explicit deny by \"resource policy of API "), run.out());
        assertTrue(run.out().contains("statement \"DenyOutsideAllowedEndpoints\""), run.out());
    }

    @Test
    void anUntrustedAccountFailsTheAssumeRoleClientWithStsAccessDeniedOnly() {
        Run run = run("--provider-param", "pTrustedPrincipals=333333333333");
        assertEquals(1, run.exit(), run.out());
        assertEquals(1, run.count("SUCCESS: "), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("SUCCESS: ") && l.contains("direct-client")));
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("FAILED: ") && l.contains("assume-role-client")));
        assertTrue(run.out().contains("STS refused to assume arn:aws:iam::222222222222:role/"), run.out());
        assertTrue(run.out().contains("AccessDenied: User: arn:aws:sts::111111111111:assumed-role/"), run.out());
        assertTrue(run.out().contains("why (STS): "), run.out());
    }

    @Test
    void aDirectRoleMissingFromTheResourcePolicyIsDeniedWithoutAnExplicitDeny() {
        Run run = run("--provider-param", "pAPIAccessList=arn:aws:iam::111111111111:role/someone-else");
        assertEquals(1, run.exit(), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("FAILED: ") && l.contains("direct-client")));
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("SUCCESS: ") && l.contains("assume-role-client")));
        String answer = run.out().lines().filter(l -> l.startsWith("{\"statusCode\":403"))
                .filter(l -> l.contains("direct-client is not authorized")).findFirst().orElseThrow();
        assertTrue(answer.contains("/Prod/GET/\\\"}"), answer);
        assertTrue(!answer.contains("explicit deny"), answer);
        assertTrue(run.out().contains("Cross-account request: no statement of \"resource policy of API "), run.out());
    }

    /**
     * SAM's default integration credentials for AWS_IAM are the caller's ("AWS::Serverless::Api ApiAuth", InvokeRole:
     * CALLER_CREDENTIALS by default): API Gateway would invoke the backend as the consumer's role, which may not
     * invoke it, and AWS answers every call with a 500. The project's template sets InvokeRole: NONE; without it the
     * rehearsal fails exactly so.
     */
    @Test
    void withoutInvokeRoleNoneEveryCallFailsWithA500NamingTheCallersCredentials(@TempDir Path dir) throws Exception {
        Run run = runWithTemplates(dir, text -> text.replace("        InvokeRole: NONE\n", ""));
        assertEquals(1, run.exit(), run.out());
        assertEquals(2, run.out().lines().filter(l -> l.startsWith("FAILED: ") && l.endsWith("got 500 from the API"))
                .count(), run.out());
        assertTrue(run.out().contains("{\\\"message\\\":\\\"Internal server error\\\"}"), run.out());
        assertTrue(run.out().contains("\"integrationError\":\"Invalid permissions on Lambda function\""), run.out());
        assertEquals(2, run.out().lines().filter(l -> l.matches("    why \\(API Gateway\\): API Gateway invokes "
                + "arn:aws:lambda:us-east-1:222222222222:function:private-api-backend-\\S+-backend:live with the caller's "
                + "credentials .*")).count(), run.out());
        assertTrue(run.out().contains("Set Auth.InvokeRole: NONE"), run.out());
    }

    /**
     * The template's reserved concurrency is the function's limit: with ReservedConcurrentExecutions 0 Lambda
     * throttles every invocation (429 TooManyRequestsException, ReservedFunctionConcurrentInvocationLimitExceeded),
     * which API Gateway answers 500 ("How do I troubleshoot issues for API Gateway endpoints that integrate with
     * Lambda?", AWS Knowledge Center); the FAILED line says why.
     */
    @Test
    void aBackendWithNoReservedConcurrencyIsThrottledAndEveryCallIsA500(@TempDir Path dir) throws Exception {
        Run run = runWithTemplates(dir, text -> text.replace("      MemorySize: 1024\n      Timeout: 15\n",
                "      MemorySize: 1024\n      Timeout: 15\n      ReservedConcurrentExecutions: 0\n"));
        assertEquals(1, run.exit(), run.out());
        assertEquals(2, run.out().lines().filter(l -> l.startsWith("FAILED: ") && l.endsWith("got 500 from the API"))
                .count(), run.out());
        assertEquals(2, run.out().lines().filter(l -> l.startsWith("    why (API Gateway): Lambda throttled the "
                + "invocation of private-api-backend-") && l.contains("(429 TooManyRequestsException, "
                + "ReservedFunctionConcurrentInvocationLimitExceeded)")).count(), run.out());
    }

    @Test
    void aMalformedTrustedPrincipalFailsTheDeployBeforeAnyRequest() {
        Run run = run("--provider-param", "pTrustedPrincipals=nobody-at-all");
        assertEquals(1, run.exit(), run.out());
        assertTrue(run.out().contains("run-local.sh: stack private-api-backend failed to deploy: resource "),
                run.out());
        assertTrue(run.out().contains("Invalid principal in policy: \"AWS\":\"nobody-at-all\""), run.out());
        assertFalse(run.out().contains("Deploying the consumer stack"), run.out());
        assertFalse(run.out().contains("Invoking"), run.out());
    }

    /**
     * Security groups decide which paths exist ("Security group rules", Amazon VPC User Guide): when the endpoint's
     * group lets nothing in from the clients' group, the connection is not answered and the client times out at its
     * own timeout; the FAILED line names the missing rule.
     */
    @Test
    void anEndpointGroupThatLetsTheClientsNotInLeavesThemWaitingAndNamesTheRule(@TempDir Path dir) throws Exception {
        Run run = runWithTemplates(dir, text -> text.replace("          SourceSecurityGroupId: !Ref ClientSecurityGroup",
                "          CidrIp: 10.99.0.0/16"), "--consumer-param", "pCreateSTSEndpoint=No",
                "--consumer-param", "pAPITimeout=2");
        assertEquals(1, run.exit(), run.out());
        assertEquals(2, run.count("FAILED: "), run.out());
        assertTrue(run.out().contains("timed out"), run.out());
        assertEquals(2, run.out().lines().filter(l -> l.startsWith("    why (network): ")
                && l.contains("connected to the execute-api endpoint vpce-")
                && l.contains("which does not answer: no ingress rule of the security groups of the execute-api endpoint")
                && l.contains("(EndpointSecurityGroup), allows TCP 443 from sg-")).count(), run.out());
    }

    /** The backend's group lets HTTPS out to DynamoDB's prefix list only: another list leaves DynamoDB unreachable. */
    @Test
    void aBackendGroupWithoutDynamoDbsPrefixListCannotReachDynamoDb() {
        Run run = run("--provider-param", "pDynamoDBPrefixListId=pl-00000000", "--consumer-param", "pAPITimeout=3");
        assertEquals(1, run.exit(), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("    why (network): private-api-backend-")
                && l.contains("connected to DynamoDB (prefix list pl-")
                && l.contains("no egress rule of the function's security groups, sg-")
                && l.contains("(BackendSecurityGroup), allows TCP 443 to DynamoDB")), run.out());
    }

    @Test
    void aPermissionsBoundaryIsRefusedRatherThanIgnored(@TempDir Path dir) throws Exception {
        Run run = runWithTemplates(dir, text -> text.replace("      FunctionName: !Sub ${AWS::StackName}-backend\n",
                "      FunctionName: !Sub ${AWS::StackName}-backend\n"
                        + "      PermissionsBoundary: !Sub arn:${AWS::Partition}:iam::${AWS::AccountId}:policy/boundary\n"));
        assertEquals(1, run.exit(), run.out());
        assertTrue(run.out().contains("role BackendFunctionRole has the permissions boundary arn:aws:iam::222222222222:"
                + "policy/boundary, which the rehearsal does not evaluate"), run.out());
    }

    /** Runs the rehearsal on copies of the project's templates, each edited as given, beside the real builds. */
    static Run runWithTemplates(Path dir, java.util.function.UnaryOperator<String> edit, String... args)
            throws Exception {
        boolean changed = false;
        for (String side : List.of("api-backend", "api-client")) {
            Files.createDirectories(dir.resolve(side));
            Files.createSymbolicLink(dir.resolve(side).resolve("target"), ROOT.resolve(side).resolve("target"));
            try (var templates = Files.newDirectoryStream(ROOT.resolve(side), "*.yaml")) {
                for (Path template : templates) {
                    String text = Files.readString(template);
                    String edited = edit.apply(text);
                    changed |= !edited.equals(text);
                    Files.writeString(dir.resolve(side).resolve(template.getFileName()), edited);
                }
            }
        }
        assertTrue(changed, "the edit changed no template");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit;
        List<String> arguments = new java.util.ArrayList<>(List.of("--verbose"));
        arguments.addAll(List.of(args));
        try (PrintStream print = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            exit = new RunLocalCommand(dir).run(((CommandLine.Rehearse) CommandLine.parse(arguments)).options(),
                    print, print);
        } finally {
            // The links lead to the real builds: removed here, the temporary folder's cleanup never follows them.
            for (String side : List.of("api-backend", "api-client")) {
                Files.deleteIfExists(dir.resolve(side).resolve("target"));
            }
        }
        return new Run(exit, bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void bothClientsSucceedWithPrivateDnsOff() {
        Run run = run("--consumer-param", "pEnablePrivateDNS=False");
        assertEquals(0, run.exit(), run.out());
        assertEquals(2, run.count("SUCCESS: "), run.out());
    }

    @Test
    void theColdStartBenchmarkReportsEveryFunction() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            int exit = new ColdStartCommand(ROOT).run(1, print, print);
            String text = out.toString(StandardCharsets.UTF_8);
            assertEquals(0, exit, text);
            for (String handler : List.of("BackendHandler", "DirectAuthHandler", "AssumeRoleHandler")) {
                assertTrue(text.lines().anyMatch(l -> l.trim().startsWith(handler + " ")
                        && l.contains("on demand") && l.matches(".* \\d+ +- +- +\\d+ +\\d+ +[0-9.]+x$")), text);
            }
            assertTrue(text.lines().anyMatch(l -> l.contains("SnapStart, primed")
                    && l.matches(".* \\d+ +-?\\d+ +\\d+ +\\d+ +\\d+ +[0-9.]+x$")), text);
            assertTrue(text.lines().anyMatch(l -> l.contains("SnapStart, unprimed")), text);
            for (String client : List.of("direct", "assume-role")) {
                assertTrue(text.lines().anyMatch(l -> l.trim().startsWith(client + " ")
                        && l.matches(".* \\d+ +\\d+ ms \\(\\d+\\) +(\\d+ ms \\(\\d+\\) +[0-9.]+x|- +-)$")), text);
            }
            assertTrue(text.contains("Machine: ") && text.contains("load average before: "), text);
        }
    }

    @Test
    void badOptionsAreUsageErrors() {
        Run bad = run("--provider-param", "novalue");
        assertEquals(2, bad.exit());
        assertTrue(bad.out().contains("--provider-param takes NAME=VALUE"), bad.out());
    }

    /** Parameter checks come first: nothing starts, one line names the option, the template and the value. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--provider-param|pNope=1|run-local.sh: --provider-param: vpc-api-backend.yaml: Parameters: [pNope] do not exist in the template",
        "--provider-param|pEnableWAF=Maybe|run-local.sh: --provider-param: vpc-api-backend.yaml: Parameter 'pEnableWAF' must be one of AllowedValues [Yes, No], got 'Maybe'",
        "--consumer-param|pEnablePrivateDNS=Maybe|run-local.sh: --consumer-param: vpc-api-client.yaml: Parameter 'pEnablePrivateDNS' must be one of AllowedValues [True, False], got 'Maybe'",
        "--consumer-param|pAPITimeout=ten|run-local.sh: --consumer-param: vpc-api-client.yaml: Parameter 'pAPITimeout' must be a number, got 'ten'",
    })
    void badParametersOfEitherStackFailBeforeAnythingStarts(String option, String value, String message) {
        Run run = run(option, value);
        assertEquals(2, run.exit(), run.out());
        assertEquals(message, run.out().strip());
    }

    @Test
    void anUnreachableDynamoDbIsOneLineBeforeAnythingStarts() {
        long started = System.nanoTime();
        Run run = run("--dynamodb-url", "http://127.0.0.1:1");
        assertEquals(3, run.exit(), run.out());
        assertTrue(run.out().startsWith("run-local.sh: DynamoDB at http://127.0.0.1:1 is not reachable ("), run.out());
        assertTrue(run.out().strip().endsWith("): start it, or leave out --dynamodb-url to use dynalite"), run.out());
        assertEquals(1, run.out().strip().lines().count(), run.out());
        assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(10), "it does not retry for long");
    }

    /**
     * Several consumers, each in its own account with its own endpoint, handed to the provider as lists (the README's
     * multi-consumer example): leaving one consumer's endpoint out of pAllowedVPCEndpoints fails exactly that
     * consumer's clients, with the explicit deny explained, while the other's succeed.
     */
    @Test
    void withTwoConsumersAnEndpointLeftOutOfTheListFailsOnlyThatConsumer() {
        String firstEndpoint = new TemplateReader().deploy(ROOT.resolve("api-client/vpc-api-client.yaml"),
                Map.of("pAPIHost", "abc123defg.execute-api.us-east-1.amazonaws.com"),
                new DeployTarget("111111111111", "us-east-1", "private-api-client")).outputs()
                .get("APIGatewayEndpointID");
        Run run = run("--consumers", "2", "--provider-param", "pAllowedVPCEndpoints=" + firstEndpoint);
        assertEquals(1, run.exit(), run.out());
        assertTrue(run.out().contains("Deploying the consumer stack private-api-client in account 333333333333"),
                run.out());
        assertTrue(run.out().contains("    pTrustedPrincipals=111111111111,\n      333333333333\n"),
                "the list handed to the provider, one item a line: " + run.out());
        assertEquals(2, run.out().lines().filter(l -> l.startsWith("SUCCESS: ") && l.contains("(consumer 1)")).count(),
                run.out());
        assertEquals(2, run.out().lines().filter(l -> l.startsWith("FAILED: ") && l.contains("(consumer 2) got 403"))
                .count(), run.out());
        assertEquals(2, run.out().lines().filter(l -> l.startsWith("    why (API Gateway): Explicit deny by ")
                && l.contains("\"DenyOutsideAllowedEndpoints\"") && l.contains("[" + firstEndpoint + "]")).count(),
                run.out());
    }

    /**
     * Within one account, an allow in either the caller's identity policy or the resource policy is enough, and a
     * trust policy naming the account lets the account's principals whose identity policy allows it assume the role
     * ("How API Gateway resource policies affect authorization workflow", API Gateway Developer Guide; "Policy
     * evaluation logic", IAM User Guide). So a resource policy that names neither client, and a trust policy that
     * names only the provider's account, fail both clients across accounts and pass both within one.
     */
    @Test
    void identityPoliciesAloneAllowWithinOneAccountButNotAcross() {
        String[] misconfigured = {"--provider-param", "pAPIAccessList=None", "--provider-param",
                "pTrustedPrincipals=Nobody"};
        Run across = run(misconfigured);
        assertEquals(1, across.exit(), across.out());
        assertTrue(across.out().lines().anyMatch(l -> l.startsWith("FAILED: ") && l.contains("direct-client got 403")),
                across.out());
        assertTrue(across.out().contains("why (API Gateway): Cross-account request: no statement of \"resource "
                + "policy of API "), across.out());
        assertTrue(across.out().lines().anyMatch(l -> l.startsWith("FAILED: ") && l.contains("assume-role-client")),
                across.out());
        assertTrue(across.out().contains("why (STS): "), across.out());

        List<String> args = new ArrayList<>(List.of(misconfigured));
        args.add("--same-account");
        Run within = run(args.toArray(String[]::new));
        assertEquals(0, within.exit(), within.out());
        assertEquals(2, within.count("SUCCESS: "), within.out());
        assertTrue(within.out().contains("Deploying the consumer stack private-api-client in account 222222222222"),
                within.out());
        assertTrue(within.out().contains("    in the provider's account: IAM's rules within one account apply"),
                within.out());
    }

    /**
     * The other way round: the resource policy names the direct client's role but its identity policy allows no
     * execute-api:Invoke. Across accounts both must allow: 403; within one account the resource policy is enough.
     */
    @Test
    void theResourcePolicyAloneAllowsWithinOneAccountButNotAcross(@TempDir Path dir) throws Exception {
        java.util.function.UnaryOperator<String> noIdentityAllow = text -> text.replace(
                "            - Sid: InvokeTheProviderApiStage\n              Effect: Allow\n"
                        + "              Action: execute-api:Invoke",
                "            - Sid: InvokeTheProviderApiStage\n              Effect: Allow\n"
                        + "              Action: execute-api:ManageConnections");
        Run across = runWithTemplates(dir.resolve("across"), noIdentityAllow);
        assertEquals(1, across.exit(), across.out());
        assertTrue(across.out().lines().anyMatch(l -> l.startsWith("FAILED: ") && l.contains("direct-client got 403")),
                across.out());
        assertTrue(across.out().contains("a caller from another account needs both"), across.out());
        Run within = runWithTemplates(dir.resolve("within"), noIdentityAllow, "--same-account");
        assertEquals(0, within.exit(), within.out());
        assertEquals(2, within.count("SUCCESS: "), within.out());
    }

    @Test
    void serveModeWritesTheEnvironmentAnswersCurlAndStopsCleanly(@TempDir Path dir) throws Exception {
        Path envFile = dir.resolve("env");
        RunLocalCommand command = new RunLocalCommand(ROOT);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        CommandLine.RunLocalOptions options = ((CommandLine.Rehearse) CommandLine.parse(List.of("--serve",
                "--consumers", "2", "--env-file", envFile.toString()))).options();
        CompletableFuture<Integer> serving = CompletableFuture.supplyAsync(() -> command.run(options, print, print));
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!out.toString(StandardCharsets.UTF_8).contains("Press Ctrl-C") && System.nanoTime() < deadline) {
                assertTrue(!serving.isDone(), out.toString(StandardCharsets.UTF_8));
                Thread.sleep(200);
            }
            Map<String, String> env = readEnv(envFile);
            for (String name : List.of("AWS_REGION", "API_ID", "API_HOST", "API_PREFIX", "API_VPCE_ID", "API_VPCE_URL",
                    "OTHER_VPCE_URL", "STS_URL", "ROLE_TO_ASSUME", "DIRECT_CLIENT_ROLE_ARN",
                    "DIRECT_CLIENT_ACCESS_KEY_ID", "DIRECT_CLIENT_SECRET_ACCESS_KEY", "DIRECT_CLIENT_SESSION_TOKEN",
                    "ASSUME_CLIENT_ROLE_ARN", "ASSUME_CLIENT_ACCESS_KEY_ID", "ASSUME_CLIENT_SECRET_ACCESS_KEY",
                    "ASSUME_CLIENT_SESSION_TOKEN", "DYNAMODB_URL", "DDB_TABLE", "CONSUMER_ACCOUNT_ID",
                    "PROVIDER_ACCOUNT_ID")) {
                assertTrue(env.containsKey(name) && !env.get(name).isEmpty(), name + " missing: " + env.keySet());
                if (!List.of("AWS_REGION", "API_ID", "API_HOST", "API_PREFIX", "OTHER_VPCE_URL", "STS_URL",
                        "ROLE_TO_ASSUME", "DYNAMODB_URL", "DDB_TABLE", "PROVIDER_ACCOUNT_ID").contains(name)) {
                    assertTrue(env.containsKey("CONSUMER2_" + name), "CONSUMER2_" + name + " missing: " + env.keySet());
                }
            }
            assertEquals("2", env.get("CONSUMERS"));
            assertEquals("333333333333", env.get("CONSUMER2_CONSUMER_ACCOUNT_ID"));
            String second = curl(env, env.get("CONSUMER2_API_VPCE_URL"), "CONSUMER2_");
            assertTrue(second.startsWith("200\n"), second);
            assertTrue(second.contains("\"userArn\":\"arn:aws:sts::333333333333:assumed-role/"), second);
            assertTrue(second.contains("\"vpceId\":\"" + env.get("CONSUMER2_API_VPCE_ID") + "\""), second);
            String allowed = curl(env, env.get("API_VPCE_URL"));
            assertTrue(allowed.startsWith("200\n"), allowed);
            assertTrue(allowed.contains("\"userArn\":\"arn:aws:sts::111111111111:assumed-role/"), allowed);
            String other = curl(env, env.get("OTHER_VPCE_URL"));
            assertTrue(other.startsWith("403\n"), other);
            assertTrue(other.contains("with an explicit deny"), other);
        } finally {
            command.stop();
        }
        assertEquals(0, serving.get(60, TimeUnit.SECONDS), out.toString(StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.lines().anyMatch(l -> l.matches("    200 request \\S+ from arn:aws:sts::111111111111:assumed-role/.*direct-client")),
                "each request served is shown in one line: " + text);
        assertTrue(text.contains("        why: Explicit deny by"), "with the reason of a denial: " + text);
        assertTrue(!Files.exists(envFile), "the environment file is removed when serving stops");
        assertEquals("Stopped by a stop request: services closed, " + envFile + " removed.",
                text.strip().lines().reduce((a, b) -> b).orElseThrow());
    }

    static Map<String, String> readEnv(Path file) throws Exception {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("export ")) {
                String assignment = line.substring("export ".length());
                int eq = assignment.indexOf('=');
                env.put(assignment.substring(0, eq), assignment.substring(eq + 2, assignment.length() - 1));
            }
        }
        return env;
    }

    /** curl's own SigV4 signer, through an endpoint listener, routed by x-apigw-api-id. */
    static String curl(Map<String, String> env, String base) throws Exception {
        return curl(env, base, "");
    }

    /** The same, signed with the direct client credentials of the consumer whose variables start with prefix. */
    static String curl(Map<String, String> env, String base, String prefix) throws Exception {
        List<String> command = new ArrayList<>(List.of("curl", "-s", "-w", "\n%{http_code}", "--aws-sigv4",
                "aws:amz:" + env.get("AWS_REGION") + ":execute-api", "--user",
                env.get(prefix + "DIRECT_CLIENT_ACCESS_KEY_ID") + ":" + env.get(prefix + "DIRECT_CLIENT_SECRET_ACCESS_KEY"),
                "-H", "x-amz-security-token: " + env.get(prefix + "DIRECT_CLIENT_SESSION_TOKEN"),
                "-H", "x-apigw-api-id: " + env.get("API_ID"), URI.create(base + env.get("API_PREFIX") + "/").toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        int split = output.lastIndexOf('\n');
        return output.substring(split + 1) + "\n" + output.substring(0, split);
    }
}
