/**
 * IAM policy evaluation with explanations: parses and checks identity, resource, trust and VPC endpoint policies
 * once, when they are attached ({@link com.example.privateapi.iam.Policy}), and decides a request as IAM does
 * (explicit deny wins; same- versus cross-account rules; account principals delegate to the account; role trust
 * policies must allow explicitly; endpoint policies as a further gate), naming the statement that decided.
 *
 * <p>Shared by the offline rehearsal and by tools that read a real deployment. It knows nothing of either: no
 * templates, HTTP, SigV4, processes or AWS SDK; callers hand it policies as JSON and the request as values.
 * API Gateway's spellings of its resources live beside it, in {@code com.example.privateapi.iam.apigateway}.
 */
package com.example.privateapi.iam;
