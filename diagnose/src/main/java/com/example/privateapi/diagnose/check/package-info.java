/**
 * The hand-off checks: each compares what one side of a deployment expects with what the other side has (the
 * parameters deploy-all.sh hands over, the clients' environment, the endpoint, its policy and DNS, the security
 * groups, the stage's deployment), and reports one line with ✔ or ✗ and, for ✗, the parameter to change, on
 * which stack, with which value.
 *
 * <p>Knows the model of what was read, the report's lines and the evaluator's questions; nothing of the AWS SDK.
 */
package com.example.privateapi.diagnose.check;
