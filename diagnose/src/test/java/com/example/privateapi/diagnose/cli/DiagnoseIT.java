package com.example.privateapi.diagnose.cli;

import com.example.privateapi.diagnose.testing.DeploymentSeed;
import com.example.privateapi.diagnose.testing.MotoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
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

    static Run diagnose(DeploymentSeed seed) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            int exit = new DiagnoseCommand(Clock.systemUTC()).run(seed.access("consumer", CONSUMER), CLIENT_STACK,
                    seed.access("provider", PROVIDER), BACKEND_STACK, out);
            return new Run(exit, bytes.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void aWorkingDeploymentPassesEveryCheck() throws Exception {
        DeploymentSeed seed = new DeploymentSeed(moto.url).seed();
        Run run = diagnose(seed);
        System.out.println(run.out());
        assertEquals(0, run.exit(), run.out());
        assertEquals(0, run.count("✗"), run.out());
    }
}
