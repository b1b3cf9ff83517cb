package com.example.privateapi.rehearsal.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The command line of {@code run-local.sh}, parsed once: the rehearsal itself with its options,
 * {@code simulate FILE}, {@code model TEMPLATE}, {@code bench-cold-start [--runs N]}, or a request for help.
 *
 * <p>This file uses the JDK alone, so that {@code run-local.sh} can run it from source
 * ({@code java CommandLine.java ARGS}) before the first build: help and usage errors then answer at once instead of
 * after a minute of Maven. Run that way it prints the help when asked, a usage error (exit 2), or nothing when the
 * command line is fine.
 */
public final class CommandLine {

    public static final String USAGE = """
            usage: run-local.sh [options]
              Rehearses deploy-all.sh and invoke.sh offline: deploys both stacks from the real templates, invokes
              both client functions and reads their recorded requests back. Never a production gateway.

              --provider-param K=V     override a provider stack parameter (repeatable; wins over the hand-off)
              --consumer-param K=V     override a consumer stack parameter (repeatable; wins over the hand-off)
              --serve                  keep serving after the invocations, until Ctrl-C or SIGTERM
              --env-file PATH          where --serve writes its sourceable environment (default .local/env)
              --dynamodb-url URL       use this DynamoDB endpoint instead of starting dynalite
              --consumers N            deploy N consumer stacks, each in its own account with its own VPC and
                                       endpoint, handed to the provider as lists (1 to 4, default 1)
              --same-account           deploy the consumer stacks in the provider's account
              --consumer-account ID    (first) consumer account id (default 111111111111; others 333..., 444...)
              --provider-account ID    provider account id (default 222222222222)
              --region REGION          region of both stacks (default us-east-1)
              --verbose                also show the functions' answers and logs, the access log and the records
              -h, --help               show this help

            run-local.sh simulate FILE                  evaluate IAM simulations (- reads standard input; see README)
            run-local.sh model TEMPLATE [options]       print a stack's expanded model as JSON (model --help)
            run-local.sh bench-cold-start [--runs N]    measure the functions' cold starts (N from 1 to 50, default 5)

            exit status: 0 passed, 1 a client failed or a stack failed to deploy, 2 bad options or parameters,
            3 could not run (the message says why), 127 a required tool is missing, 70 a bug in the rehearsal
            """;
    public static final String SIMULATE_USAGE = "usage: run-local.sh simulate FILE   (FILE holds one simulation or a "
            + "JSON array of them; - reads standard input; see README)\n";
    public static final String MODEL_USAGE = """
            usage: run-local.sh model TEMPLATE [options]
              Prints the model of one stack deployed from TEMPLATE (SAM expanded, nested stacks included) as JSON.

              --param K=V          a stack parameter (repeatable)
              --account ID         the account (default 222222222222)
              --region REGION      the region (default us-east-1)
              --stack-name NAME    the stack name (default: the template's file name without extension)
            """;
    public static final String BENCH_USAGE = "usage: run-local.sh bench-cold-start [--runs N]   (N from 1 to 50, "
            + "default 5)\n";

    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    /** The most consumer stacks one rehearsal deploys: enough to show lists, few enough for a small machine. */
    public static final int MAX_CONSUMERS = 4;
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");
    private static final Pattern PARAM_NAME = Pattern.compile("[A-Za-z0-9]+");

    private CommandLine() {
    }

    /** What {@code run-local.sh} was asked to do. */
    public sealed interface Command permits Help, Rehearse, Simulate, Model, BenchColdStart {
    }

    /** Print this text and stop. */
    public record Help(String text) implements Command {
    }

    /** Rehearse deploy-all.sh and invoke.sh. */
    public record Rehearse(RunLocalOptions options) implements Command {
    }

    /** Evaluate the simulations in {@code file} ({@code -} for standard input). */
    public record Simulate(String file) implements Command {
    }

    /** Deploy {@code template} in the model only, nothing started, and print the stack's model. */
    public record Model(Path template, Map<String, String> params, String account, String region, String stackName)
            implements Command {
        public Model {
            params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        }
    }

    /** Deploy with the default options and measure each function's cold starts {@code runs} times. */
    public record BenchColdStart(int runs) implements Command {
    }

    /**
     * The options of the rehearsal.
     *
     * @param providerParams  provider stack parameter overrides; they have the last word over the hand-off
     * @param consumerParams  consumer stack parameter overrides; they have the last word over the hand-off
     * @param consumerAccount the (first) consumer's account id; the provider's with {@code --same-account}
     * @param consumers       how many consumer stacks to deploy
     * @param providerAccount the provider's account id
     * @param region          the region both stacks are deployed in
     * @param serve           keep serving after the invocations
     * @param envFile         where {@code --serve} writes the sourceable environment
     * @param dynamodbUrl     an existing DynamoDB-compatible endpoint to use instead of starting dynalite, or null
     * @param verbose         also show the answers, logs, access log and records a passing run leaves out
     */
    public record RunLocalOptions(Map<String, String> providerParams, Map<String, String> consumerParams,
                                  String consumerAccount, int consumers, String providerAccount, String region,
                                  boolean serve, Path envFile, URI dynamodbUrl, boolean verbose) {
        public RunLocalOptions {
            providerParams = Map.copyOf(providerParams);
            consumerParams = Map.copyOf(consumerParams);
        }

        /** The options of a plain {@code run-local.sh}. */
        public static RunLocalOptions defaults() {
            return new RunLocalOptions(Map.of(), Map.of(), "111111111111", 1, "222222222222", "us-east-1", false,
                    Path.of(".local", "env"), null, false);
        }
    }

    /** Bad command-line input: the message says what is wrong; {@link #usage()} is the usage of the command. */
    public static final class UsageException extends Exception {
        private final String usage;

        UsageException(String message, String usage) {
            super(message);
            this.usage = usage;
        }

        public String usage() {
            return usage;
        }
    }

    public static Command parse(List<String> args) throws UsageException {
        String first = args.isEmpty() ? "" : args.get(0);
        List<String> rest = args.isEmpty() ? args : args.subList(1, args.size());
        return switch (first) {
            case "simulate" -> simulate(rest);
            case "model" -> model(rest);
            case "bench-cold-start" -> benchColdStart(rest);
            default -> rehearse(args);
        };
    }

    private static Command simulate(List<String> args) throws UsageException {
        if (args.contains("-h") || args.contains("--help")) {
            return new Help(SIMULATE_USAGE);
        }
        if (args.size() != 1) {
            throw new UsageException("simulate takes one FILE (or - for standard input), got " + args.size()
                    + " arguments", SIMULATE_USAGE);
        }
        if (args.get(0).startsWith("-") && !args.get(0).equals("-")) {
            throw new UsageException("simulate: unknown option \"" + args.get(0) + "\"", SIMULATE_USAGE);
        }
        return new Simulate(args.get(0));
    }

    private static Command model(List<String> args) throws UsageException {
        if (args.contains("-h") || args.contains("--help")) {
            return new Help(MODEL_USAGE);
        }
        if (args.isEmpty() || args.get(0).startsWith("-")) {
            throw new UsageException("model takes a TEMPLATE first", MODEL_USAGE);
        }
        Path template = Path.of(args.get(0));
        Map<String, String> params = new LinkedHashMap<>();
        String account = "222222222222";
        String region = "us-east-1";
        String file = template.getFileName().toString();
        String stackName = file.contains(".") ? file.substring(0, file.lastIndexOf('.')) : file;
        for (int i = 1; i < args.size(); i++) {
            String option = args.get(i);
            if (i + 1 >= args.size()) {
                throw new UsageException("model: " + option + " needs a value", MODEL_USAGE);
            }
            String value = args.get(++i);
            switch (option) {
                case "--param" -> {
                    int eq = value.indexOf('=');
                    if (eq <= 0) {
                        throw new UsageException("model: --param takes NAME=VALUE, got " + value, MODEL_USAGE);
                    }
                    params.put(value.substring(0, eq), value.substring(eq + 1));
                }
                case "--account" -> {
                    if (!ACCOUNT.matcher(value).matches()) {
                        throw new UsageException("model: --account takes a 12-digit account id, got " + value,
                                MODEL_USAGE);
                    }
                    account = value;
                }
                case "--region" -> region = value;
                case "--stack-name" -> stackName = value;
                default -> throw new UsageException("model: unknown option " + option, MODEL_USAGE);
            }
        }
        return new Model(template, params, account, region, stackName);
    }

    private static Command benchColdStart(List<String> args) throws UsageException {
        if (args.contains("-h") || args.contains("--help")) {
            return new Help(BENCH_USAGE);
        }
        if (args.isEmpty()) {
            return new BenchColdStart(5);
        }
        if (args.size() == 2 && args.get(0).equals("--runs")) {
            try {
                int runs = Integer.parseInt(args.get(1));
                if (runs >= 1 && runs <= 50) {
                    return new BenchColdStart(runs);
                }
            } catch (NumberFormatException notANumber) {
                // Reported below.
            }
            throw new UsageException("bench-cold-start: --runs must be a whole number from 1 to 50, got \""
                    + args.get(1) + "\"", BENCH_USAGE);
        }
        throw new UsageException("bench-cold-start: unexpected arguments " + String.join(" ", args), BENCH_USAGE);
    }

    private static Command rehearse(List<String> args) throws UsageException {
        RunLocalOptions defaults = RunLocalOptions.defaults();
        Map<String, String> provider = new LinkedHashMap<>();
        Map<String, String> consumer = new LinkedHashMap<>();
        String consumerAccount = defaults.consumerAccount();
        String providerAccount = defaults.providerAccount();
        int consumers = defaults.consumers();
        boolean sameAccount = false;
        String region = defaults.region();
        boolean serve = false;
        boolean verbose = false;
        Path envFile = defaults.envFile();
        URI dynamodbUrl = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "-h", "--help" -> {
                    return new Help(USAGE);
                }
                case "--serve" -> serve = true;
                case "--verbose" -> verbose = true;
                case "--provider-param" -> putParam(provider, arg, value(args, ++i, arg));
                case "--consumer-param" -> putParam(consumer, arg, value(args, ++i, arg));
                case "--consumer-account" -> consumerAccount = account(arg, value(args, ++i, arg));
                case "--consumers" -> consumers = consumers(value(args, ++i, arg));
                case "--same-account" -> sameAccount = true;
                case "--provider-account" -> providerAccount = account(arg, value(args, ++i, arg));
                case "--region" -> {
                    region = value(args, ++i, arg);
                    if (!REGION.matcher(region).matches()) {
                        throw usage("--region must be a region name like us-east-1, got \"" + region + "\"");
                    }
                }
                case "--env-file" -> envFile = Path.of(value(args, ++i, arg));
                case "--dynamodb-url" -> dynamodbUrl = url(value(args, ++i, arg));
                default -> throw usage(arg.startsWith("-") ? "unknown option \"" + arg + "\""
                        : "unexpected argument \"" + arg + "\" (the commands are simulate, model and "
                        + "bench-cold-start)");
            }
        }
        if (sameAccount) {
            consumerAccount = providerAccount;
        }
        return new Rehearse(new RunLocalOptions(provider, consumer, consumerAccount, consumers, providerAccount,
                region, serve, envFile, dynamodbUrl, verbose));
    }

    private static UsageException usage(String message) {
        return new UsageException(message, USAGE);
    }

    private static String value(List<String> args, int i, String option) throws UsageException {
        if (i >= args.size() || args.get(i).startsWith("--")) {
            throw usage(option + " needs a value");
        }
        return args.get(i);
    }

    private static void putParam(Map<String, String> params, String option, String pair) throws UsageException {
        int eq = pair.indexOf('=');
        if (eq <= 0 || !PARAM_NAME.matcher(pair.substring(0, eq)).matches()) {
            throw usage(option + " takes NAME=VALUE (e.g. pAllowedVPCEndpoints=vpce-0000), got \"" + pair + "\"");
        }
        params.put(pair.substring(0, eq), pair.substring(eq + 1));
    }

    private static int consumers(String value) throws UsageException {
        try {
            int n = Integer.parseInt(value);
            if (n >= 1 && n <= MAX_CONSUMERS) {
                return n;
            }
        } catch (NumberFormatException e) {
            // The usage error below says what is expected.
        }
        throw usage("--consumers takes a number from 1 to " + MAX_CONSUMERS + ", got \"" + value + "\"");
    }

    private static String account(String option, String value) throws UsageException {
        if (!ACCOUNT.matcher(value).matches()) {
            throw usage(option + " must be a 12-digit account id, got \"" + value + "\"");
        }
        return value;
    }

    private static URI url(String value) throws UsageException {
        try {
            URI uri = URI.create(value);
            if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
                throw new IllegalArgumentException();
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw usage("--dynamodb-url must be an http(s) URL like http://127.0.0.1:8000, got \"" + value + "\"");
        }
    }

    /** The usage error as run-local.sh prints it: what is wrong, and where to read the usage. */
    static String describe(UsageException e) {
        String command = e.usage().startsWith("usage: run-local.sh simulate") ? " simulate"
                : e.usage().startsWith("usage: run-local.sh model") ? " model"
                : e.usage().startsWith("usage: run-local.sh bench-cold-start") ? " bench-cold-start" : "";
        return "run-local.sh: " + e.getMessage() + "\n(run-local.sh" + command + " --help shows the usage)";
    }

    /**
     * Run from source by run-local.sh before a build: prints the help when asked, a usage error with exit status 2,
     * or nothing when the command line is fine.
     */
    public static void main(String[] args) {
        try {
            if (parse(List.of(args)) instanceof Help help) {
                System.out.print(help.text());
            }
        } catch (UsageException e) {
            System.err.println(describe(e));
            System.exit(2);
        }
    }
}
