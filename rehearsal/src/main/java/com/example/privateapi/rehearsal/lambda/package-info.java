/**
 * The rehearsal's Lambda service: deployed functions, their execution environments (each a JVM running the AWS
 * Lambda Java runtime interface client against a Runtime API served here), on-demand and SnapStart lifecycles
 * (publish with init and the beforeCheckpoint hooks, restore with the afterRestore hooks), and the credentials a
 * function gets (key variables on demand, the container credentials endpoint with SnapStart). Knows nothing of
 * templates, API Gateway or IAM: callers hand it a {@link com.example.privateapi.rehearsal.lambda.FunctionSpec} and
 * the role's credentials.
 */
package com.example.privateapi.rehearsal.lambda;
