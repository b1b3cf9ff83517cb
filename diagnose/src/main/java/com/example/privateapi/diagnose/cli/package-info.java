/**
 * The {@code diagnose.sh} command: its options, the wiring of the readers, checks and evaluation for two profiles,
 * the assembly of the report, and {@code --list-calls}.
 *
 * <p>The only package that knows all the others; nothing here decides a check or talks to AWS itself.
 */
package com.example.privateapi.diagnose.cli;
