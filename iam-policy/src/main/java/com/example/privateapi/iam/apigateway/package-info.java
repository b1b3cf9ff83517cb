/**
 * API Gateway's own spellings of execute-api resources, shared by every caller of the evaluator that deals with a
 * REST API's resource policy: the method ARN a request is authorized against, and the {@code execute-api:/...}
 * shorthand API Gateway expands into full ARNs when a resource policy is attached to an API, and the condition keys it
 * sets for a request through an interface endpoint. The rehearsal's gateway
 * and {@code simulate}, and the diagnosis of a real deployment, expand it here, so all give the same answers.
 *
 * <p>It knows ARN and policy text only: no HTTP, routing, templates or AWS SDK.
 */
package com.example.privateapi.iam.apigateway;
