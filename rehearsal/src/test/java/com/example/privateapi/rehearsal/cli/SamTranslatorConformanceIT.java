package com.example.privateapi.rehearsal.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rehearsal's SAM expansion held against AWS's own SAM translator (aws-sam-translator, which SAM CLI and
 * CloudFormation's AWS::Serverless transform run): each project template, with each parameter set, is modelled
 * twice through {@code run-local.sh model} — once as written (the rehearsal expands SAM itself) and once as the
 * translator translated it (plain CloudFormation, which the rehearsal only reads) — and the two models must be
 * equal point by point: resource policy, methods with their authorization and integration credentials, stages, roles
 * with their trust, inline and managed policies and boundary, Lambda permissions, endpoint policies, security groups,
 * functions' handler, memory, timeout and environment. Skipped, with one line saying so, where the translator is
 * absent.
 */
class SamTranslatorConformanceIT {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path SCRIPT = Path.of("src", "test", "python", "sam_translate.py").toAbsolutePath();
    static final Map<String, String> PREFIX_LIST = Map.of("pDynamoDBPrefixListId", "pl-02cd2c6b");
    static final String TEMPLATES = "rehearsal/src/test/resources/templates/";
    static final String PROVIDER = "222222222222";
    static final String CONSUMER = "111111111111";
    static final String API_HOST = "abc123defg.execute-api.us-east-1.amazonaws.com";
    static final String DIRECT_ROLE = "arn:aws:iam::" + CONSUMER + ":role/private-api-client-DirectRole";
    static final String ACCESS_ROLE = "arn:aws:iam::" + PROVIDER + ":role/private-api-backend-APIAccessRole";

    @BeforeAll
    static void translatorIsInstalled() throws Exception {
        Process probe = new ProcessBuilder("python3", "-c", "import samtranslator").redirectErrorStream(true).start();
        boolean present = probe.waitFor(60, TimeUnit.SECONDS) && probe.exitValue() == 0;
        if (!present) {
            System.out.println("SKIPPED: SAM translator conformance: python3 with aws-sam-translator is not installed "
                    + "(it comes with cfn-lint: pip install cfn-lint)");
        }
        Assumptions.assumeTrue(present, "python3 with aws-sam-translator is not installed");
    }

    static Stream<Arguments> cases() {
        Map<String, String> backendHandoff = Map.of("pTrustedPrincipals", CONSUMER, "pAPIAccessList", DIRECT_ROLE,
                "pAllowedVPCEndpoints", "vpce-0123456789abcdef0");
        Map<String, String> backendLists = Map.of("pTrustedPrincipals", CONSUMER + ",333333333333",
                "pAPIAccessList", DIRECT_ROLE + ",arn:aws:iam::333333333333:role/other-team",
                "pAllowedVPCEndpoints", "vpce-0123456789abcdef0,vpce-0fedcba9876543210", "pAPIStageName", "Live");
        Map<String, String> backendInVpc = Map.of("pVPCID", "vpc-0123456789abcdef0",
                "pLambdaSubnetIDs", "subnet-0123456789abcdef0,subnet-0123456789abcdef1",
                "pLambdaSubnetRouteTable", "rtb-0123456789abcdef0", "pDynamoDBPrefixListId", "pl-02cd2c6b",
                "pEnableWAF", "No", "pAPIGatewayAccountRole", "No");
        Map<String, String> clientRequired = Map.of("pAPIHost", API_HOST, "pVPCID", "vpc-0123456789abcdef0",
                "pLambdaSubnetIDs", "subnet-0123456789abcdef0", "pEndpointSubnetIDs", "subnet-0123456789abcdef1");
        Map<String, String> clientHandoff = with(clientRequired, Map.of("pAPIAccountID", PROVIDER,
                "pAPIRoleARN", ACCESS_ROLE, "pAPIPrefix", "/Prod"));
        Map<String, String> clientVariant = with(clientRequired, Map.of("pAPIRoleARN", ACCESS_ROLE,
                "pAPIPrefix", "/Live", "pEnablePrivateDNS", "False", "pCreateSTSEndpoint", "No", "pAPITimeout", "20"));
        Map<String, String> vpcClientHandoff = Map.of("pAPIHost", API_HOST, "pAPIAccountID", PROVIDER,
                "pAPIRoleARN", ACCESS_ROLE, "pAPIPrefix", "/Prod");
        return Stream.of(
                Arguments.of("api-backend/api-backend.yaml", "defaults", Map.of()),
                Arguments.of("api-backend/api-backend.yaml", "deploy-all hand-off", backendHandoff),
                Arguments.of("api-backend/api-backend.yaml", "several principals and endpoints", backendLists),
                Arguments.of("api-backend/api-backend.yaml", "VPC-attached backend", backendInVpc),
                Arguments.of("api-backend/vpc-api-backend.yaml", "defaults", PREFIX_LIST),
                Arguments.of("api-backend/vpc-api-backend.yaml", "deploy-all hand-off", with(backendHandoff, PREFIX_LIST)),
                Arguments.of("api-backend/vpc-api-backend.yaml", "several principals and endpoints",
                        with(backendLists, PREFIX_LIST)),
                Arguments.of("api-backend/vpc-api-backend.yaml", "one subnet, no WAF",
                        Map.of("pSubnetCount", "1", "pEnableWAF", "No", "pDynamoDBPrefixListId", "pl-02cd2c6b")),
                Arguments.of("api-client/api-client.yaml", "defaults", clientRequired),
                Arguments.of("api-client/api-client.yaml", "deploy-all hand-off", clientHandoff),
                Arguments.of("api-client/api-client.yaml", "private DNS off, no STS endpoint", clientVariant),
                Arguments.of("api-client/api-client.yaml", "assume role in this account",
                        with(clientRequired, Map.of("pAPIRoleARN", "arn:aws:iam::" + PROVIDER + ":role/local-role"))),
                Arguments.of("api-client/vpc-api-client.yaml", "defaults", Map.of("pAPIHost", API_HOST)),
                Arguments.of("api-client/vpc-api-client.yaml", "deploy-all hand-off", vpcClientHandoff),
                Arguments.of("api-client/vpc-api-client.yaml", "private DNS off, one subnet",
                        with(vpcClientHandoff, Map.of("pEnablePrivateDNS", "False", "pSubnetCount", "1"))),
                Arguments.of("api-client/vpc-api-client.yaml", "no STS endpoint",
                        with(vpcClientHandoff, Map.of("pCreateSTSEndpoint", "No"))),
                Arguments.of(TEMPLATES + "sam-conformance.yaml", "globals, policies, alias, invoke roles", Map.of()),
                Arguments.of(TEMPLATES + "sam-conformance.yaml", "tracing disabled, another alias",
                        Map.of("pTracing", "Disabled", "pAlias", "prod")),
                Arguments.of(TEMPLATES + "sam.yaml", "swagger 2.0 with SAM's extra stage", Map.of()));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("cases")
    void theRehearsalExpandsSamAsTheTranslatorDoes(String template, String name, Map<String, String> params,
                                                   @TempDir Path dir) throws Exception {
        Path source = ROOT.resolve(template);
        String stackName = source.getFileName().toString().replace(".yaml", "");
        JsonObject rehearsal = model(source, stackName, params);

        Map<String, String> templateUrls = new LinkedHashMap<>();
        for (JsonElement nested : rehearsal.getAsJsonArray("nestedStacks")) {
            // CloudFormation transforms a nested template with the parameter values its parent passes.
            String url = nestedTemplateUrl(source, nested.getAsJsonObject().get("logicalId").getAsString());
            Path child = dir.resolve(url.replace(".yaml", ".json"));
            Map<String, String> childParams = new LinkedHashMap<>();
            nested.getAsJsonObject().getAsJsonObject("parameters").entrySet()
                    .forEach(e -> childParams.put(e.getKey(), e.getValue().getAsString()));
            translate(source.resolveSibling(url), child, childParams, Map.of());
            templateUrls.put(url, child.getFileName().toString());
        }
        Path translated = dir.resolve(stackName + ".json");
        translate(source, translated, params, templateUrls);
        JsonObject translator = model(translated, stackName, params);

        if (template.startsWith("api-backend/")) {
            // The product's own promise, read off the translator's output: API Gateway invokes the backend with its
            // own permission (no integration credentials), and SAM creates no stage but pAPIStageName.
            JsonObject api = translator.getAsJsonArray("apis").get(0).getAsJsonObject();
            api.getAsJsonArray("routes").forEach(route -> assertTrue(route.getAsJsonObject().get("credentials")
                    .isJsonNull(), "integration credentials on " + route));
            assertEquals(List.of(params.getOrDefault("pAPIStageName", "Prod")), api.getAsJsonArray("stages").asList()
                    .stream().map(stage -> stage.getAsJsonObject().get("name").getAsString()).toList());
        }
        List<String> differences = new ArrayList<>();
        compare("", normalize(rehearsal), normalize(translator), differences);
        assertEquals(List.of(), differences, template + " (" + name + "): the rehearsal's model differs from the "
                + "translator's");
        assertTrue(rehearsal.getAsJsonArray("functions").size() + rehearsal.getAsJsonArray("roles").size() > 0,
                "the comparison covered no function and no role");
    }

    /** The same model, but for what legitimately differs: the code's location (local build or its S3 upload). */
    private static JsonElement normalize(JsonObject model) {
        String text = model.toString().replace("s3://local-code/", "");
        return JsonParser.parseString(text);
    }

    private static void compare(String path, JsonElement expected, JsonElement actual, List<String> out) {
        if (expected.isJsonObject() && actual.isJsonObject()) {
            TreeSet<String> keys = new TreeSet<>(expected.getAsJsonObject().keySet());
            keys.addAll(actual.getAsJsonObject().keySet());
            for (String key : keys) {
                JsonElement e = expected.getAsJsonObject().get(key);
                JsonElement a = actual.getAsJsonObject().get(key);
                if (e == null || a == null) {
                    out.add(path + "." + key + ": rehearsal " + e + ", translator " + a);
                } else {
                    compare(path + "." + key, e, a, out);
                }
            }
        } else if (expected.isJsonArray() && actual.isJsonArray()
                && expected.getAsJsonArray().size() == actual.getAsJsonArray().size()) {
            for (int i = 0; i < expected.getAsJsonArray().size(); i++) {
                compare(path + "[" + i + "]", expected.getAsJsonArray().get(i), actual.getAsJsonArray().get(i), out);
            }
        } else if (!expected.equals(actual)) {
            out.add(path + ": rehearsal " + expected + ", translator " + actual);
        }
    }

    private static JsonObject model(Path template, String stackName, Map<String, String> params) {
        List<String> args = new ArrayList<>(List.of("model", template.toString(), "--stack-name", stackName, "--account",
                template.toString().contains("client") ? CONSUMER : PROVIDER));
        params.forEach((k, v) -> args.addAll(List.of("--param", k + "=" + v)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try {
            exit = new ModelCommand().run((CommandLine.Model) CommandLine.parse(args),
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        } catch (CommandLine.UsageException e) {
            throw new AssertionError(e.getMessage(), e);
        }
        assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
        return JsonParser.parseString(out.toString(StandardCharsets.UTF_8)).getAsJsonObject();
    }

    private static void translate(Path template, Path output, Map<String, String> params, Map<String, String> urls)
            throws Exception {
        Process process = new ProcessBuilder("python3", SCRIPT.toString(), template.toString(), output.toString(),
                new com.google.gson.Gson().toJson(params), new com.google.gson.Gson().toJson(urls),
                template.toString().contains("client") ? CONSUMER : PROVIDER, "us-east-1")
                .redirectErrorStream(true).start();
        String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the translator did not finish");
        assertEquals(0, process.exitValue(), "the translator failed on " + template + ": " + log);
    }

    private static String nestedTemplateUrl(Path parent, String logicalId) throws Exception {
        List<String> lines = Files.readAllLines(parent);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).equals("  " + logicalId + ":")) {
                for (int j = i + 1; j < lines.size() && !lines.get(j).matches("  \\S.*"); j++) {
                    String line = lines.get(j).trim();
                    if (line.startsWith("TemplateURL:")) {
                        return line.substring("TemplateURL:".length()).trim();
                    }
                }
            }
        }
        throw new AssertionError(parent + " has no TemplateURL for " + logicalId);
    }

    private static Map<String, String> with(Map<String, String> base, Map<String, String> more) {
        Map<String, String> out = new LinkedHashMap<>(base);
        out.putAll(more);
        return out;
    }
}
