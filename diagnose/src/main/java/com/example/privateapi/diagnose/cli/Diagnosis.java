package com.example.privateapi.diagnose.cli;

import com.example.privateapi.diagnose.check.HandoffChecks;
import com.example.privateapi.diagnose.evaluate.RequestEvaluation;
import com.example.privateapi.diagnose.model.AccessLog;
import com.example.privateapi.diagnose.model.ClientView;
import com.example.privateapi.diagnose.model.ConsumerView;
import com.example.privateapi.diagnose.model.Deployment;
import com.example.privateapi.diagnose.model.ProviderView;
import com.example.privateapi.diagnose.model.Read;
import com.example.privateapi.diagnose.model.Side;
import com.example.privateapi.diagnose.report.Line;
import com.example.privateapi.diagnose.report.Report;
import com.example.privateapi.diagnose.report.Section;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Puts the report together: what could not be read, the hand-off checks, the evaluated requests, the access log. */
final class Diagnosis {

    private final HandoffChecks checks;
    private final RequestEvaluation evaluation;

    Diagnosis(HandoffChecks checks, RequestEvaluation evaluation) {
        this.checks = checks;
        this.evaluation = evaluation;
    }

    Report report(Deployment d, int callsMade) {
        List<String> heading = List.of(
                "Diagnosis of the cross-account private API (read-only; ./diagnose.sh --list-calls lists the calls)",
                side(d.consumer().side(), d.consumer().account()),
                side(d.provider().side(), d.provider().account()));
        List<Section> sections = new ArrayList<>();
        sections.add(new Section("Could not read", unreadable(d)));
        sections.add(new Section("Hand-off between the stacks", checks.check(d)));
        sections.add(new Section("Requests, decided as API Gateway and STS would with the live policies",
                evaluation.evaluate(d)));
        d.provider().accessLog().get().ifPresent(log -> sections.add(accessLog(log)));
        sections.add(new Section("Calls", List.of(Line.info("made " + callsMade + " read-only calls, changed "
                + "nothing"))));
        return new Report(heading, sections);
    }

    private static String side(Side side, Read<String> account) {
        return "  " + side.label() + ": stack " + side.stack() + ", profile " + side.profile() + ", account "
                + account.get().orElse("(unknown)") + ", " + side.region();
    }

    /** Each distinct failed read, once: one line naming what could not be read and the refused permission. */
    private static List<Line> unreadable(Deployment d) {
        Set<Read.Failed<?>> failures = new LinkedHashSet<>();
        ConsumerView c = d.consumer();
        ProviderView p = d.provider();
        List<Read<?>> reads = new ArrayList<>(List.of(c.account(), c.stack(), p.account(), p.stack()));
        for (ClientView client : c.clients()) {
            if (client.deployed()) {
                reads.add(client.function());
                reads.add(client.role());
            }
        }
        reads.addAll(List.of(c.endpoint(), c.subnets(), c.groups(), c.stsEndpoints(), p.api(), p.stages(),
                p.policyChange(), p.accessLog()));
        reads.addAll(p.roles().values());
        for (Read<?> read : reads) {
            if (read instanceof Read.Failed<?> failed) {
                failures.add(failed);
            }
        }
        return failures.stream().map(f -> Line.fail("could not read " + f.what() + ": " + f.why())).toList();
    }

    private static Section accessLog(AccessLog log) {
        List<Line> lines = new ArrayList<>();
        if (log.denials().isEmpty()) {
            lines.add(Line.info("no denied requests in the last " + log.window().toHours() + " hours"));
        }
        log.denials().forEach(denial -> lines.add(Line.info(denial.time().truncatedTo(ChronoUnit.SECONDS) + " "
                + denial.summary())));
        return new Section("Access log " + log.logGroup() + ": the latest denials (last " + log.window().toHours()
                + " hours)", lines);
    }
}
