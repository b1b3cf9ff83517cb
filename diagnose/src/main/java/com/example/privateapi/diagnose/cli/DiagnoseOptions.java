package com.example.privateapi.diagnose.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The command line, parsed once.
 *
 * @param consumerProfile the consumer account's profile, or null with {@code --list-calls} alone
 * @param providerProfile the provider account's profile, or null with {@code --list-calls} alone
 * @param clientStack     the consumer stack's name
 * @param backendStack    the provider stack's name
 * @param listCalls       print the calls the diagnosis makes and exit
 */
public record DiagnoseOptions(String consumerProfile, String providerProfile, String clientStack,
                              String backendStack, boolean listCalls) {

    public static final String USAGE = """
            usage: diagnose.sh <consumer profile> <provider profile>
                   diagnose.sh --list-calls

            Reads both deployments with read-only calls and explains a 403: each hand-off between the two stacks
            is one line, ✔ or ✗ with the fix; then each client's request is evaluated as API Gateway and STS
            would, with the live policies. Exits 0 when every check passes, 1 otherwise, 2 on a usage error.

              --list-calls            print every call it makes and the IAM action each needs, then exit
              --client-stack NAME     the consumer stack (diagnose.sh passes CLIENT_STACK)
              --backend-stack NAME    the provider stack (diagnose.sh passes BACKEND_STACK)
              --help                  this text
            """;

    /** A command line that cannot be run; the message says why. */
    public static final class UsageException extends Exception {
        public UsageException(String message) {
            super(message);
        }
    }

    /** {@code --help} was asked for. */
    public static final class HelpRequested extends Exception {
        public HelpRequested() {
            super(null, null, false, false);
        }
    }

    public static DiagnoseOptions parse(List<String> args) throws UsageException, HelpRequested {
        List<String> positional = new ArrayList<>();
        String clientStack = "private-api-client";
        String backendStack = "private-api-backend";
        boolean listCalls = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--help", "-h" -> throw new HelpRequested();
                case "--list-calls" -> listCalls = true;
                case "--client-stack", "--backend-stack" -> {
                    if (i + 1 >= args.size() || args.get(i + 1).isBlank()) {
                        throw new UsageException(arg + " needs a stack name");
                    }
                    String value = args.get(++i);
                    if (arg.equals("--client-stack")) {
                        clientStack = value;
                    } else {
                        backendStack = value;
                    }
                }
                default -> {
                    if (arg.startsWith("-")) {
                        throw new UsageException("unknown option " + arg);
                    }
                    positional.add(arg);
                }
            }
        }
        if (listCalls && positional.isEmpty()) {
            return new DiagnoseOptions(null, null, clientStack, backendStack, true);
        }
        if (positional.size() != 2) {
            throw new UsageException("expected <consumer profile> <provider profile>, got " + positional.size()
                    + " argument" + (positional.size() == 1 ? "" : "s"));
        }
        return new DiagnoseOptions(positional.get(0), positional.get(1), clientStack, backendStack, listCalls);
    }
}
