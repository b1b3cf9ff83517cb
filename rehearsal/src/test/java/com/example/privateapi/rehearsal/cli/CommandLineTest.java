package com.example.privateapi.rehearsal.cli;

import com.example.privateapi.rehearsal.local.DeploySettings;
import com.example.privateapi.rehearsal.cli.CommandLine.RunLocalOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommandLineTest {

    static RunLocalOptions parse(List<String> args) throws CommandLine.UsageException {
        return ((CommandLine.Rehearse) CommandLine.parse(args)).options();
    }


    @Test
    void defaultsAreThoseOfTheReadme() throws Exception {
        RunLocalOptions options = parse(List.of());
        assertEquals("111111111111", options.consumerAccount());
        assertEquals("222222222222", options.providerAccount());
        assertEquals("us-east-1", options.region());
        assertEquals(Path.of(".local", "env"), options.envFile());
        assertEquals(false, options.serve());
    }

    @Test
    void repeatedParametersKeepTheLastValue() throws Exception {
        RunLocalOptions options = parse(List.of("--provider-param", "pA=1", "--provider-param",
                "pA=2", "--consumer-param", "pEnablePrivateDNS=False", "--serve", "--dynamodb-url",
                "http://127.0.0.1:8000", "--env-file", "x/env"));
        assertEquals(Map.of("pA", "2"), options.providerParams());
        assertEquals(Map.of("pEnablePrivateDNS", "False"), options.consumerParams());
        assertEquals(URI.create("http://127.0.0.1:8000"), options.dynamodbUrl());
        assertEquals(Path.of("x/env"), options.envFile());
        assertTrue(options.serve());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--provider-param|=x|--provider-param takes NAME=VALUE",
        "--consumer-account|12345|--consumer-account must be a 12-digit account id",
        "--region|mars|--region must be a region name like us-east-1",
        "--dynamodb-url|localhost:8000|--dynamodb-url must be an http(s) URL",
        "--frobnicate|x|unknown option \"--frobnicate\"",
    })
    void badOptionsSayWhatIsWrong(String option, String value, String message) {
        CommandLine.UsageException e = assertThrows(CommandLine.UsageException.class,
                () -> parse(List.of(option, value)));
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }

    @Test
    void aMissingValueIsRefused() {
        assertThrows(CommandLine.UsageException.class, () -> parse(List.of("--provider-param")));
    }

    @Test
    void consumersAndOneAccount() throws Exception {
        assertEquals(1, parse(List.of()).consumers());
        assertEquals(3, parse(List.of("--consumers", "3")).consumers());
        for (String bad : List.of("0", "5", "two", "-1")) {
            CommandLine.UsageException e = assertThrows(CommandLine.UsageException.class,
                    () -> parse(List.of("--consumers", bad)));
            assertTrue(e.getMessage().contains("--consumers takes a number from 1 to 4"), e.getMessage());
        }
        RunLocalOptions same = parse(List.of("--same-account", "--provider-account", "123456789012"));
        assertEquals("123456789012", same.consumerAccount(), "the consumers go to the provider's account");
        assertEquals("222222222222", parse(List.of("--consumer-account", "222222222222")).consumerAccount(),
                "equal accounts are one account");
    }

    @Test
    void furtherConsumersGetAccountsOfTheirOwnOrShareTheProvidersWithNumberedStacks() {
        DeploySettings apart = DeploySettings.of("111111111111", 3, "333333333333", "us-east-1", Map.of(), Map.of());
        assertEquals(List.of("111111111111/private-api-client", "444444444444/private-api-client",
                "555555555555/private-api-client"), apart.consumers().stream()
                .map(c -> c.account() + "/" + c.stackName()).toList());
        assertFalse(apart.sameAccount());
        DeploySettings together = DeploySettings.of("222222222222", 2, "222222222222", "us-east-1", Map.of(),
                Map.of());
        assertEquals(List.of("222222222222/private-api-client", "222222222222/private-api-client-2"),
                together.consumers().stream().map(c -> c.account() + "/" + c.stackName()).toList());
        assertTrue(together.sameAccount());
    }

    @Test
    void helpIsAnswerForEveryCommand() throws Exception {
        assertEquals(CommandLine.USAGE, ((CommandLine.Help) CommandLine.parse(List.of("--serve", "--help"))).text());
        assertEquals(CommandLine.SIMULATE_USAGE, ((CommandLine.Help) CommandLine.parse(List.of("simulate", "-h")))
                .text());
        assertEquals(CommandLine.BENCH_USAGE, ((CommandLine.Help) CommandLine.parse(List.of("bench-cold-start",
                "--help"))).text());
    }

    @Test
    void theCommandsTakeTheirArguments() throws Exception {
        assertEquals(new CommandLine.Simulate("-"), CommandLine.parse(List.of("simulate", "-")));
        assertEquals(new CommandLine.Simulate("cases.json"), CommandLine.parse(List.of("simulate", "cases.json")));
        assertEquals(new CommandLine.BenchColdStart(5), CommandLine.parse(List.of("bench-cold-start")));
        assertEquals(new CommandLine.Model(Path.of("api-client/api-client.yaml"), Map.of("pAPIHost", "h"),
                "111111111111", "us-east-1", "api-client"), CommandLine.parse(List.of("model",
                "api-client/api-client.yaml", "--param", "pAPIHost=h", "--account", "111111111111")));
        assertEquals(new CommandLine.BenchColdStart(3), CommandLine.parse(List.of("bench-cold-start", "--runs", "3")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "simulate|simulate takes one FILE (or - for standard input), got 0 arguments|simulate --help",
        "simulate a.json b.json|simulate takes one FILE (or - for standard input), got 2 arguments|simulate --help",
        "simulate --file|simulate: unknown option \"--file\"|simulate --help",
        "bench-cold-start --runs 0|bench-cold-start: --runs must be a whole number from 1 to 50, got \"0\"|bench-cold-start --help",
        "bench-cold-start 3|bench-cold-start: unexpected arguments 3|bench-cold-start --help",
        "simulat|unexpected argument \"simulat\" (the commands are simulate, model and bench-cold-start)|run-local.sh --help",
        "model|model takes a TEMPLATE first|model --help",
        "model t.yaml --param x|model: --param takes NAME=VALUE, got x|model --help",
        "model t.yaml --account 1|model: --account takes a 12-digit account id, got 1|model --help",
    })
    void usageErrorsAreTwoLinesNamingTheMistakeAndTheHelp(String args, String message, String help) {
        CommandLine.UsageException e = assertThrows(CommandLine.UsageException.class,
                () -> CommandLine.parse(List.of(args.split(" "))));
        assertEquals(message, e.getMessage());
        String described = CommandLine.describe(e);
        assertEquals(2, described.lines().count(), described);
        assertTrue(described.startsWith("run-local.sh: " + message + "\n("), described);
        assertTrue(described.endsWith(help + " shows the usage)"), described);
    }
}
