package com.example.privateapi.diagnose.cli;

import com.example.privateapi.diagnose.aws.Call;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** diagnose.sh itself, from the packaged jar: usage, --list-calls, profiles that cannot be used. */
class DiagnoseScriptIT {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    record Result(int exit, String out, String err) {
    }

    /** Runs diagnose.sh with a clean AWS environment plus {@code env}. */
    static Result script(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", ROOT.resolve("diagnose.sh").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("AWS_") || k.equals("BACKEND_STACK")
                || k.equals("CLIENT_STACK"));
        builder.environment().putAll(env);
        Path out = Files.createTempFile("diagnose", ".out");
        Path err = Files.createTempFile("diagnose", ".err");
        try {
            Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("diagnose.sh did not finish in 180 s");
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    @Test
    void withoutArgumentsItPrintsUsageAndExits2() throws Exception {
        Result result = script(Map.of());
        assertEquals(2, result.exit(), result.err());
        assertTrue(result.err().contains("usage: diagnose.sh <consumer profile> <provider profile>"), result.err());
    }

    @Test
    void oneProfileIsAUsageError() throws Exception {
        Result result = script(Map.of(), "consumer");
        assertEquals(2, result.exit(), result.err());
        assertTrue(result.err().contains("diagnose.sh: expected <consumer profile> <provider profile>, got 1 "
                + "argument"), result.err());
    }

    @Test
    void listCallsNamesEveryCallAndItsAction() throws Exception {
        Result result = script(Map.of(), "--list-calls");
        assertEquals(0, result.exit(), result.err());
        for (Call call : Call.values()) {
            assertTrue(result.out().contains(call.operation()) && result.out().contains(call.action()),
                    call + " missing from:\n" + result.out());
        }
        assertTrue(result.out().contains("IAM actions needed: cloudformation:DescribeStacks, "
                + "lambda:GetFunctionConfiguration, ec2:DescribeVpcEndpoints"), result.out());
        assertTrue(result.out().contains("apigateway:GET"), result.out());
    }

    @Test
    void anUnknownProfileIsNamedWithHowToCreateIt(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("config"), "[profile consumer]\nregion = us-east-1\n");
        Path credentials = Files.writeString(dir.resolve("credentials"), "");
        Result result = script(Map.of("AWS_CONFIG_FILE", config.toString(), "AWS_SHARED_CREDENTIALS_FILE",
                credentials.toString()), "consumer", "provider");
        assertEquals(2, result.exit(), result.err());
        assertTrue(result.err().contains("diagnose.sh: profile 'provider' is not in the AWS config or credentials "
                + "file: create it with aws configure --profile provider"), result.err());
        assertTrue(result.out().isEmpty(), result.out());
    }

    @Test
    void aProfileWithoutARegionIsNamed(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("config"), "[profile consumer]\nregion = us-east-1\n"
                + "[profile provider]\noutput = json\n");
        Result result = script(Map.of("AWS_CONFIG_FILE", config.toString(), "AWS_SHARED_CREDENTIALS_FILE",
                dir.resolve("none").toString()), "consumer", "provider");
        assertEquals(2, result.exit(), result.err());
        assertTrue(result.err().contains("no region for profile 'provider': set AWS_REGION or run: aws configure set "
                + "region REGION --profile provider"), result.err());
    }
}
