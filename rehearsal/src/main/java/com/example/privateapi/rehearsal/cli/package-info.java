/**
 * The commands of {@code run-local.sh}, together: the rehearsal of deploy-all.sh and invoke.sh
 * ({@link com.example.privateapi.rehearsal.cli.RunLocalCommand}), {@code bench-cold-start} and {@code simulate};
 * their one command-line parser ({@link com.example.privateapi.rehearsal.cli.CommandLine}, runnable from source
 * before a build), the checks made before anything starts, what the user sees, and the exit statuses.
 *
 * <p>It composes the other packages and decides no AWS behaviour itself: no policy rule, signature, template
 * semantics or service protocol is written here. Every failure ends here in one or two lines, never a stack trace.
 */
package com.example.privateapi.rehearsal.cli;
