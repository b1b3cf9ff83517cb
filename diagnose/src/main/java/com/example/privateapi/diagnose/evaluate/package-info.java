/**
 * The requests the two clients make, put to the IAM evaluator with the live policies as API Gateway and STS would
 * decide them: who signs, which ARN, which condition keys, which policies. Also answers the narrower question
 * whether an endpoint policy alone lets a request through.
 *
 * <p>Knows the IAM evaluator's public API and the model of what was read; nothing of the AWS SDK or of how the
 * deployment was read.
 */
package com.example.privateapi.diagnose.evaluate;
