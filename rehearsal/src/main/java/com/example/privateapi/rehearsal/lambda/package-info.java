/**
 * Lambda's execution model: each function in its own JVM, started by the AWS Lambda Java runtime interface client
 * from its deployment jar, served the Lambda Runtime API from here, with its environment and its role's
 * credentials; one invocation at a time per environment, a new environment when none is idle, up to the function's
 * reserved concurrency or its account's, and throttling beyond it; timeouts, init errors and cold starts as Lambda
 * has them.
 *
 * <p>It must not know API Gateway, templates or what the functions do.
 */
package com.example.privateapi.rehearsal.lambda;
