/**
 * API Gateway for a private REST API: routing by {@code Host} or {@code x-apigw-api-id}, stage, method and
 * resource; SigV4, VPC endpoint policy and IAM authorization; the Lambda proxy event and the mapping of the
 * answer; API Gateway's errors (status, message, {@code x-amzn-ErrorType}) and the access log in the stage's
 * format. One HTTP listener per VPC endpoint.
 *
 * <p>It must not know templates, how functions run (it calls a
 * {@link com.example.privateapi.rehearsal.gateway.FunctionInvoker}), or the command line. The IAM rules themselves
 * are the iam-policy module's; this package asks it and reports its explanation.
 */
package com.example.privateapi.rehearsal.gateway;
