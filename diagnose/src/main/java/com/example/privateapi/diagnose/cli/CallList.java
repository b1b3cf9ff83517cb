package com.example.privateapi.diagnose.cli;

import com.example.privateapi.diagnose.aws.Call;

import java.io.PrintStream;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** {@code --list-calls}: every call the diagnosis may make in each account, and the IAM actions they need. */
final class CallList {

    private CallList() {
    }

    static void print(PrintStream out) {
        out.println("diagnose.sh makes only these read-only calls, through the AWS SDK for Java; it refuses any");
        out.println("other before sending it. A refused permission is reported as one line naming the action.");
        section(out, "consumer account (first profile)", Call.Accounts.CONSUMER);
        section(out, "provider account (second profile)", Call.Accounts.PROVIDER);
    }

    private static void section(PrintStream out, String title, Call.Accounts side) {
        out.println();
        out.println(title + ":");
        List<Call> calls = Call.in(side);
        for (Call call : calls) {
            out.printf("  %-26s %-40s %s%n", call.operation(), call.action(), call.purpose());
        }
        Set<String> actions = new LinkedHashSet<>();
        calls.stream().map(Call::action).filter(a -> !a.equals("sts:GetCallerIdentity")).forEach(actions::add);
        out.println("  IAM actions needed: " + String.join(", ", actions));
    }
}
