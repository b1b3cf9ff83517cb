package com.example.privateapi.diagnose.cli;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DiagnoseOptionsTest {

    @Test
    void twoProfilesAndTheStackNames() throws Exception {
        DiagnoseOptions options = DiagnoseOptions.parse(List.of("--client-stack", "c", "consumer", "provider",
                "--backend-stack", "b"));
        assertEquals(new DiagnoseOptions("consumer", "provider", "c", "b", false), options);
        assertEquals(new DiagnoseOptions("consumer", "provider", "private-api-client", "private-api-backend", false),
                DiagnoseOptions.parse(List.of("consumer", "provider")));
    }

    @Test
    void listCallsNeedsNoProfile() throws Exception {
        assertTrue(DiagnoseOptions.parse(List.of("--list-calls")).listCalls());
    }

    @Test
    void badCommandLinesSayWhy() {
        assertEquals("expected <consumer profile> <provider profile>, got 3 arguments", assertThrows(
                DiagnoseOptions.UsageException.class, () -> DiagnoseOptions.parse(List.of("a", "b", "c")))
                .getMessage());
        assertEquals("unknown option --region", assertThrows(DiagnoseOptions.UsageException.class,
                () -> DiagnoseOptions.parse(List.of("a", "b", "--region"))).getMessage());
        assertEquals("--client-stack needs a stack name", assertThrows(DiagnoseOptions.UsageException.class,
                () -> DiagnoseOptions.parse(List.of("a", "b", "--client-stack"))).getMessage());
        assertThrows(DiagnoseOptions.HelpRequested.class, () -> DiagnoseOptions.parse(List.of("--help")));
    }
}
