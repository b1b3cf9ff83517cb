/**
 * Reading a deployment from the two accounts with the AWS SDK for Java: the catalog of the read-only calls the
 * diagnosis may make (and a guard that refuses any other), the clients of one account, and the readers that turn
 * SDK answers into {@link com.example.privateapi.diagnose.model} values, a refused permission into a
 * {@link com.example.privateapi.diagnose.model.Read.Failed} naming it.
 *
 * <p>Knows nothing of the checks, the IAM evaluation or the report.
 */
package com.example.privateapi.diagnose.aws;
