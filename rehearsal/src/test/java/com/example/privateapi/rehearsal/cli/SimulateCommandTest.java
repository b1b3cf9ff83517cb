package com.example.privateapi.rehearsal.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulateCommandTest {

    static final String CROSS_ACCOUNT = """
            {
              "principal": "arn:aws:iam::111111111111:role/DirectClientRole",
              "action": "execute-api:Invoke",
              "resource": "arn:aws:execute-api:us-east-1:222222222222:abc123defg/Prod/GET/",
              "context": {"aws:SourceVpce": "vpce-0123"},
              "identityPolicies": [{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                "Action": "execute-api:Invoke", "Resource": "*"}]}],
              "resourcePolicy": {"Version": "2012-10-17", "Statement": [
                {"Sid": "AllowClients", "Effect": "Allow", "Principal": {"AWS": "111111111111"},
                 "Action": "execute-api:Invoke", "Resource": "*"},
                {"Sid": "DenyOutsideAllowedEndpoints", "Effect": "Deny", "Principal": "*",
                 "Action": "execute-api:Invoke", "Resource": "*",
                 "Condition": {"StringNotEquals": {"aws:SourceVpce": "vpce-0000"}}}]},
              "endpointPolicy": null
            }
            """;

    record Result(int exit, String out, String err) {
    }

    static Result run(String stdin, String file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new SimulateCommand(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)))
                .run(file, new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void oneSimulationFromAFilePrintsTheDecisionAndTheDecidingStatement(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sim.json");
        Files.writeString(file, CROSS_ACCOUNT);
        Result result = run("", file.toString());
        assertEquals(0, result.exit(), result.err());
        JsonObject decision = JsonParser.parseString(result.out()).getAsJsonObject();
        assertEquals("ExplicitDeny", decision.get("decision").getAsString());
        assertEquals("DenyOutsideAllowedEndpoints", decision.getAsJsonArray("decidingStatements").get(0)
                .getAsJsonObject().get("sid").getAsString());
        assertTrue(decision.get("reason").getAsString().contains("vpce-0123"));
    }

    @Test
    void anArrayFromStandardInputGivesAnArrayOfDecisions() {
        String allowed = CROSS_ACCOUNT.replace("\"vpce-0000\"", "\"vpce-0123\"");
        // The caller's own policy allows something else only: cross-account, that is not enough.
        String noIdentity = allowed.replaceFirst("\"Action\": \"execute-api:Invoke\", \"Resource\": \"\\*\"\\}\\]\\}\\]",
                "\"Action\": \"s3:GetObject\", \"Resource\": \"*\"}]}]");
        Result result = run("[" + allowed + "," + noIdentity + "]", "-");
        assertEquals(0, result.exit(), result.err());
        JsonArray decisions = JsonParser.parseString(result.out()).getAsJsonArray();
        assertEquals("Allow", decisions.get(0).getAsJsonObject().get("decision").getAsString());
        assertEquals("ImplicitDeny", decisions.get(1).getAsJsonObject().get("decision").getAsString());
    }

    /**
     * A template's resource policy, written with API Gateway's {@code execute-api:/} shorthand ("API Gateway resource
     * policy examples"), gives in simulate the answers the gateway gives: expanded for the API the resource names.
     */
    @Test
    void theExecuteApiShorthandIsExpandedAsTheGatewayExpandsIt() {
        String policy = """
                {
                  "principal": "arn:aws:iam::111111111111:role/DirectClientRole",
                  "action": "execute-api:Invoke",
                  "resource": "arn:aws:execute-api:us-east-1:222222222222:abc123defg/Prod/GET/",
                  "context": {"aws:SourceVpce": "vpce-0123"},
                  "identityPolicies": [{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                    "Action": "execute-api:Invoke", "Resource": "*"}]}],
                  "resourcePolicy": {"Version": "2012-10-17", "Statement": [
                    {"Sid": "AllowClients", "Effect": "Allow", "Principal": {"AWS": "111111111111"},
                     "Action": "execute-api:Invoke", "Resource": "execute-api:/Prod/GET/*"},
                    {"Sid": "DenyOutsideAllowedEndpoints", "Effect": "Deny", "Principal": "*",
                     "Action": "execute-api:Invoke", "Resource": "execute-api:/*",
                     "Condition": {"StringNotEquals": {"aws:SourceVpce": "vpce-0000"}}}]}
                }
                """;
        String throughAllowed = policy.replace("\"vpce-0000\"", "\"vpce-0123\"");
        String otherStage = throughAllowed.replace("abc123defg/Prod/GET/", "abc123defg/Dev/GET/");
        Result result = run("[" + policy + "," + throughAllowed + "," + otherStage + "]", "-");
        assertEquals(0, result.exit(), result.err());
        JsonArray decisions = JsonParser.parseString(result.out()).getAsJsonArray();
        // The Deny on execute-api:/* covers the API: through vpce-0123, not the allowed vpce-0000, it denies.
        assertEquals("ExplicitDeny", decisions.get(0).getAsJsonObject().get("decision").getAsString());
        assertEquals("Allow", decisions.get(1).getAsJsonObject().get("decision").getAsString());
        // execute-api:/Prod/GET/* names the Prod stage of this API only.
        assertEquals("ImplicitDeny", decisions.get(2).getAsJsonObject().get("decision").getAsString());
        assertTrue(decisions.get(2).getAsJsonObject().get("reason").getAsString().contains(
                "Resource [arn:aws:execute-api:us-east-1:222222222222:abc123defg/Prod/GET/*] does not match"),
                decisions.get(2).toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"action\":\"s3:GetObject\",\"resource\":\"arn:aws:s3:::b/k\",\"resourceAccount\":\"111111111111\"}|simulation #1: \"principal\" is required",
        "{\"principal\":\"bob\",\"action\":\"s3:GetObject\",\"resource\":\"*\",\"resourceAccount\":\"111111111111\"}|simulation #1: \"principal\" must be",
        "{\"principal\":\"111111111111\",\"action\":\"GetObject\",\"resource\":\"*\",\"resourceAccount\":\"111111111111\"}|simulation #1: \"action\" must look like service:Action",
        "{\"principal\":\"111111111111\",\"action\":\"s3:GetObject\",\"resource\":\"*\"}|simulation #1: \"resourceAccount\" is required",
        "{\"principal\":\"111111111111\",\"action\":\"s3:GetObject\",\"resource\":\"*\",\"resourceAccount\":\"111111111111\",\"resourcePolicy\":{\"Statement\":[{\"Effect\":\"Maybe\"}]}}|simulation #1: policy \"resource policy\" statement #0: Effect must be",
        "{\"principal\":\"111111111111\",\"action\":\"s3:GetObject\",\"resource\":\"*\",\"resourceAccount\":\"111111111111\",\"extra\":1}|simulation #1: unknown field \"extra\"",
        "{\"principal\":\"111111111111\",\"action\":\"execute-api:Invoke\",\"resource\":\"arn:aws:execute-api:us-east-1:222222222222:abc/Prod/GET/\",\"resourcePolicy\":{\"Statement\":[{\"Effect\":\"Allow\",\"NotPrincipal\":{\"AWS\":\"111111111111\"},\"Action\":\"*\",\"Resource\":\"*\"}]}}|simulation #1: policy \"resource policy\" statement #0: NotPrincipal must be used with \"Effect\": \"Deny\"; using it with \"Allow\" is not supported",
        "{\"principal\":\"111111111111\",\"action\":\"execute-api:Invoke\",\"resource\":\"arn:aws:execute-api:us-east-1:222222222222:abc/Prod/GET/\",\"resourcePolicy\":{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}}|simulation #1: policy \"resource policy\" statement #0: a resource policy statement needs a Principal or NotPrincipal",
        "{\"principal\":\"111111111111\",\"action\":\"sts:AssumeRole\",\"resource\":\"arn:aws:iam::222222222222:role/R\",\"resourcePolicy\":{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"111111111111\"},\"Action\":\"sts:AssumeRole\",\"Resource\":\"*\"}]}}|simulation #1: policy \"resource policy\" statement #0: a role trust policy statement must not have a Resource",
        "{\"principal\":\"111111111111\",\"action\":\"execute-api:Invoke\",\"resource\":\"*\",\"resourceAccount\":\"222222222222\",\"resourcePolicy\":{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"execute-api:/*\"}]}}|simulation #1: \"resourcePolicy\" uses the execute-api:/ shorthand, which API Gateway expands with the API's region, account and id, so \"resource\" must be the method's execute-api ARN",
        "[1]|simulation #1 must be a JSON object",
        "{not json|is not valid JSON",
    })
    void invalidInputExitsTwoNamingTheField(String input, String message) {
        Result result = run(input, "-");
        assertEquals(2, result.exit(), result.out());
        assertTrue(result.err().contains(message), result.err());
        assertEquals("", result.out());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''|simulate: standard input is empty: expected one simulation (a JSON object) or a JSON array of them (see README)",
        "'  \n'|simulate: standard input is empty: expected one simulation",
        "[]|simulate: standard input holds an empty array: expected at least one simulation",
        "{\"principal\": \"x\"|simulate: standard input is not valid JSON: the input ends too early: End of input at line 1 column 18 path $.principal",
        "{principal: 1}|simulate: standard input is not valid JSON: not strict JSON (quote every name and string; no comments, no text after the value) at line 1 column 3 path $.",
        "{} {}|simulate: standard input is not valid JSON: not strict JSON (quote every name and string; no comments, no text after the value) at line 1 column 5 path $",
    })
    void emptyOrMalformedInputIsOneLineSayingWhereItBreaks(String input, String message) {
        Result result = run(input, "-");
        assertEquals(2, result.exit(), result.out());
        assertTrue(result.err().startsWith(message), result.err());
        assertEquals(1, result.err().lines().count(), result.err());
        assertTrue(!result.err().contains("Exception"), result.err());
        assertEquals("", result.out());
    }

    @Test
    void aMissingFileOrAFolderIsOneLineSayingSo(@TempDir Path dir) {
        Result missing = run("", "no-such-file.json");
        assertEquals(2, missing.exit());
        assertEquals("simulate: no-such-file.json: no such file (give a JSON file of simulations, or - to read "
                + "standard input)\n", missing.err().replace("\r", ""));
        Result folder = run("", dir.toString());
        assertEquals(2, folder.exit());
        assertEquals("simulate: cannot read " + dir + ": it is a folder, not a file\n", folder.err().replace("\r", ""));
    }
}
