package com.example.privateapi.rehearsal.local;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The options of {@code run-local.sh}, parsed once.
 *
 * @param providerParams  provider stack parameter overrides; they have the last word over the hand-off
 * @param consumerParams  consumer stack parameter overrides; they have the last word over the hand-off
 * @param consumerAccount the consumer's account id
 * @param providerAccount the provider's account id
 * @param region          the region both stacks are deployed in
 * @param serve           keep serving after the invocations
 * @param envFile         where {@code --serve} writes the sourceable environment
 * @param dynamodbUrl     an existing DynamoDB-compatible endpoint to use instead of starting dynalite, or null
 * @param verbose         echo the functions' own log lines
 */
public record RunLocalOptions(Map<String, String> providerParams, Map<String, String> consumerParams,
                              String consumerAccount, String providerAccount, String region, boolean serve,
                              Path envFile, URI dynamodbUrl, boolean verbose) {

    public static final String USAGE = """
            usage: run-local.sh [options]
              Rehearses deploy-all.sh and invoke.sh offline: deploys both stacks from the real templates, invokes
              both client functions and reads their recorded requests back. Never a production gateway.

              --provider-param K=V     override a provider stack parameter (repeatable; wins over the hand-off)
              --consumer-param K=V     override a consumer stack parameter (repeatable; wins over the hand-off)
              --serve                  keep serving after the invocations, until Ctrl-C or SIGTERM
              --env-file PATH          where --serve writes its sourceable environment (default .local/env)
              --dynamodb-url URL       use this DynamoDB endpoint instead of starting dynalite
              --consumer-account ID    consumer account id (default 111111111111)
              --provider-account ID    provider account id (default 222222222222)
              --region REGION          region of both stacks (default us-east-1)
              --verbose                show the functions' log lines
              -h, --help               show this help

            run-local.sh simulate FILE                  evaluate IAM simulations (see README)
            run-local.sh bench-cold-start [--runs N]    measure the functions' cold starts
            run-local.sh model TEMPLATE [--param K=V]   print a stack's expanded model as JSON
            """;

    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");
    private static final Pattern PARAM_NAME = Pattern.compile("[A-Za-z0-9]+");

    public RunLocalOptions {
        providerParams = Map.copyOf(providerParams);
        consumerParams = Map.copyOf(consumerParams);
    }

    /** Bad command-line input: the message says what is wrong; the usage is printed with it. */
    public static final class UsageException extends Exception {
        public UsageException(String message) {
            super(message);
        }
    }

    /** Thrown for {@code --help}: not an error. */
    public static final class HelpRequested extends Exception {
        public HelpRequested() {
            super("help");
        }
    }

    public static RunLocalOptions parse(List<String> args) throws UsageException, HelpRequested {
        Map<String, String> provider = new LinkedHashMap<>();
        Map<String, String> consumer = new LinkedHashMap<>();
        String consumerAccount = "111111111111";
        String providerAccount = "222222222222";
        String region = "us-east-1";
        boolean serve = false;
        boolean verbose = false;
        Path envFile = Path.of(".local", "env");
        URI dynamodbUrl = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "-h", "--help" -> throw new HelpRequested();
                case "--serve" -> serve = true;
                case "--verbose" -> verbose = true;
                case "--provider-param" -> putParam(provider, arg, value(args, ++i, arg));
                case "--consumer-param" -> putParam(consumer, arg, value(args, ++i, arg));
                case "--consumer-account" -> consumerAccount = account(arg, value(args, ++i, arg));
                case "--provider-account" -> providerAccount = account(arg, value(args, ++i, arg));
                case "--region" -> {
                    region = value(args, ++i, arg);
                    if (!REGION.matcher(region).matches()) {
                        throw new UsageException("--region must be a region name like us-east-1, got \"" + region
                                + "\"");
                    }
                }
                case "--env-file" -> envFile = Path.of(value(args, ++i, arg));
                case "--dynamodb-url" -> dynamodbUrl = url(value(args, ++i, arg));
                default -> throw new UsageException("unknown option \"" + arg + "\"");
            }
        }
        if (consumerAccount.equals(providerAccount)) {
            throw new UsageException("--consumer-account and --provider-account must differ: the rehearsal is of a "
                    + "cross-account deployment");
        }
        return new RunLocalOptions(provider, consumer, consumerAccount, providerAccount, region, serve, envFile,
                dynamodbUrl, verbose);
    }

    private static String value(List<String> args, int i, String option) throws UsageException {
        if (i >= args.size() || args.get(i).startsWith("--")) {
            throw new UsageException(option + " needs a value");
        }
        return args.get(i);
    }

    private static void putParam(Map<String, String> params, String option, String pair) throws UsageException {
        int eq = pair.indexOf('=');
        if (eq <= 0 || !PARAM_NAME.matcher(pair.substring(0, eq)).matches()) {
            throw new UsageException(option + " takes NAME=VALUE (e.g. pAllowedVPCEndpoints=vpce-0000), got \""
                    + pair + "\"");
        }
        params.put(pair.substring(0, eq), pair.substring(eq + 1));
    }

    private static String account(String option, String value) throws UsageException {
        if (!ACCOUNT.matcher(value).matches()) {
            throw new UsageException(option + " must be a 12-digit account id, got \"" + value + "\"");
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
            throw new UsageException("--dynamodb-url must be an http(s) URL like http://127.0.0.1:8000, got \""
                    + value + "\"");
        }
    }
}
