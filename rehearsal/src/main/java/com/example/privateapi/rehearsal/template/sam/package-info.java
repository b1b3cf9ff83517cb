/**
 * The SAM transform ({@code AWS::Serverless-2016-10-31}) as the rehearsal applies it: {@code AWS::Serverless::Function}
 * and {@code AWS::Serverless::Api} (with {@code Globals}) become the plain CloudFormation resources AWS's SAM
 * translator writes for them: the function, its generated execution role, the {@code AWS::Lambda::Permission} of
 * each API event, the REST API with its OpenAPI body (methods, integrations and their credentials, the resource
 * policy), its deployment and its stage. A conformance test holds the result against the translator itself.
 *
 * <p>It works on the template's raw tree, before CloudFormation evaluates intrinsic functions, as the real transform
 * does; it knows nothing of parameters' validation, physical ids, the rehearsal's runtime or IAM evaluation. A
 * property it does not support is refused by resource and property name, never dropped.
 */
package com.example.privateapi.rehearsal.template.sam;
