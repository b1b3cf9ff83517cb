/**
 * IAM policy evaluation with explanations: parses identity, resource, trust and VPC endpoint policies, and decides
 * a request as IAM does (explicit deny wins; same- versus cross-account rules; endpoint policies as a further
 * gate), naming the statement that decided.
 *
 * <p>Shared by the offline rehearsal and by tools that read a real deployment. It knows nothing of either: no
 * templates, HTTP, SigV4, processes or AWS SDK; callers hand it policies as JSON and the request as values.
 */
package com.example.privateapi.iam;
