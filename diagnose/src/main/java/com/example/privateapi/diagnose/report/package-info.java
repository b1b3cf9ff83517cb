/**
 * The report: lines with ✔, ✗, – (not checked) or · (for information), each with the fix or the reason under it,
 * in sections; its exit status; and the list of calls for {@code --list-calls}.
 *
 * <p>Knows nothing of AWS, of how the deployment was read or of how the checks decide.
 */
package com.example.privateapi.diagnose.report;
