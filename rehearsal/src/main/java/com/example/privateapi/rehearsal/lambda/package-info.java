/**
 * Lambda's execution model: each function in its own JVM, started by the AWS Lambda Java runtime interface client
 * from its deployment jar as Lambda's Java runtime starts it, served the Lambda Runtime API from here, with its
 * environment and its role's credentials; one invocation at a time per environment, a new environment when none is
 * idle, up to the function's reserved concurrency or its account's, and throttling beyond it; timeouts, init errors
 * and cold starts as Lambda has them; and SnapStart's lifecycle through the runtime client's own protocol (publish: init and
 * the beforeCheckpoint hooks; each cold start: restore and the afterRestore hooks), with the credentials a
 * SnapStart function gets from the container credentials endpoint instead of the key variables.
 *
 * <p>It must not know API Gateway, templates or what the functions do: callers hand it a
 * {@link com.example.privateapi.rehearsal.lambda.FunctionSpec} and the role's credentials.
 */
package com.example.privateapi.rehearsal.lambda;
