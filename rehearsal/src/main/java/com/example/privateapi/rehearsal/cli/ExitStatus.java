package com.example.privateapi.rehearsal.cli;

/** The exit statuses of {@code run-local.sh}, as its usage lists them; the deploy scripts use the same. */
final class ExitStatus {

    /** The rehearsal passed, the simulation was evaluated, the help was shown. */
    static final int OK = 0;
    /** A client failed, as invoke.sh reports it, or a stack failed to deploy, as CloudFormation would refuse it. */
    static final int FAILED = 1;
    /** Bad options, parameters or input: the message names which. */
    static final int USAGE = 2;
    /** Could not run: DynamoDB unreachable, dynalite or the Lambda runtime missing; the message says what to do. */
    static final int CANNOT_RUN = 3;
    /** Stopped by Ctrl-C while not serving. */
    static final int INTERRUPTED = 130;
    /** A bug: an error the rehearsal did not expect. */
    static final int INTERNAL_ERROR = 70;
    /** A tool it needs (node for dynalite) is not on PATH. */
    static final int TOOL_MISSING = 127;

    private ExitStatus() {
    }
}
