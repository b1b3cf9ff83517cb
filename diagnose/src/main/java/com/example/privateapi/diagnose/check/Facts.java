package com.example.privateapi.diagnose.check;

import com.example.privateapi.diagnose.model.ClientKind;
import com.example.privateapi.diagnose.model.ClientView;
import com.example.privateapi.diagnose.model.Deployment;
import com.example.privateapi.diagnose.model.Read;
import com.example.privateapi.diagnose.model.Side;
import com.example.privateapi.diagnose.model.StackView;
import com.example.privateapi.diagnose.report.Line;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What the checks look up in a deployment, and how they word what they could not check and how to fix. */
final class Facts {

    private Facts() {
    }

    static Read<String> providerOutput(Deployment d, String key) {
        return output(d.provider().stack(), key);
    }

    static Read<String> consumerOutput(Deployment d, String key) {
        return output(d.consumer().stack(), key);
    }

    private static Read<String> output(Read<StackView> stack, String key) {
        return stack.then(s -> s.output(key) == null
                ? Read.failed("output " + key + " of stack " + s.name(), "the stack has no such output")
                : Read.ok(s.output(key)));
    }

    /** The direct client's role: the function's, or where it cannot be read the stack's output. */
    static Read<String> directRoleArn(Deployment d) {
        ClientView direct = d.consumer().client(ClientKind.DIRECT);
        Read<String> fromFunction = direct.function().map(f -> f.roleArn());
        return fromFunction.isOk() ? fromFunction : consumerOutput(d, "DirectAuthClientRole");
    }

    /** A CommaDelimitedList parameter's entries, without the templates' placeholders {@code None}/{@code Nobody}. */
    static List<String> entries(String value) {
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(v -> !v.isEmpty())
                .filter(v -> !v.equals("None") && !v.equals("Nobody")).toList();
    }

    /** The first read among {@code reads} that failed. */
    static Optional<Read.Failed<?>> firstFailure(Read<?>... reads) {
        for (Read<?> read : reads) {
            if (read instanceof Read.Failed<?> failed) {
                return Optional.of(failed);
            }
        }
        return Optional.empty();
    }

    static Line notChecked(String title, Read.Failed<?> failed) {
        return Line.notChecked(title + ": not checked, " + failed.what() + " could not be read");
    }

    /**
     * The fix that sets a parameter; where the stack already has that value, the resource was changed outside
     * CloudFormation, and updating the stack restores it.
     */
    static String setParameter(Side side, Read<StackView> stack, String parameter, String value) {
        String where = "the " + side.label() + " stack " + side.stack() + " (profile " + side.profile() + ")";
        boolean already = stack.get().map(s -> value.equals(s.parameter(parameter))).orElse(false);
        if (already) {
            return "fix: " + where + " already has " + parameter + "=" + value + ", so the resource was changed "
                    + "outside CloudFormation: update the stack to restore it (./deploy-all.sh does)";
        }
        return "fix: set " + parameter + "=" + value + " on " + where;
    }

    /** The value a list parameter should get so that it also holds {@code entry}, keeping what it has. */
    static String withEntry(String current, String entry) {
        List<String> kept = entries(current);
        if (kept.isEmpty()) {
            return entry;
        }
        return String.join(",", kept) + "," + entry;
    }

    static String lower(String value) {
        return value == null ? null : value.trim().toLowerCase(Locale.ROOT);
    }
}
