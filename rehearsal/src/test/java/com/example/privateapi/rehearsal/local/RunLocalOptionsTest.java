package com.example.privateapi.rehearsal.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunLocalOptionsTest {

    @Test
    void defaultsAreThoseOfTheReadme() throws Exception {
        RunLocalOptions options = RunLocalOptions.parse(List.of());
        assertEquals("111111111111", options.consumerAccount());
        assertEquals("222222222222", options.providerAccount());
        assertEquals("us-east-1", options.region());
        assertEquals(Path.of(".local", "env"), options.envFile());
        assertEquals(false, options.serve());
    }

    @Test
    void repeatedParametersKeepTheLastValue() throws Exception {
        RunLocalOptions options = RunLocalOptions.parse(List.of("--provider-param", "pA=1", "--provider-param",
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
        RunLocalOptions.UsageException e = assertThrows(RunLocalOptions.UsageException.class,
                () -> RunLocalOptions.parse(List.of(option, value)));
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }

    @Test
    void aMissingValueAndEqualAccountsAreRefused() {
        assertThrows(RunLocalOptions.UsageException.class, () -> RunLocalOptions.parse(List.of("--provider-param")));
        RunLocalOptions.UsageException same = assertThrows(RunLocalOptions.UsageException.class,
                () -> RunLocalOptions.parse(List.of("--consumer-account", "222222222222")));
        assertTrue(same.getMessage().contains("must differ"));
    }
}
