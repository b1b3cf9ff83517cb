/**
 * The local cloud the commands deploy to: the stand-ins for STS, DynamoDB, API Gateway, the VPC network and Lambda,
 * started and closed together ({@link com.example.privateapi.rehearsal.local.LocalCloud}), and the deploy flow of
 * deploy-all.sh on top of them: both stacks from the templates, the parameter hand-off, the stage redeploy, each
 * stack made real (roles, tables, endpoints, functions with the Lambda trust check, APIs).
 *
 * <p>It must not know the command line or what a command prints beyond its progress lines: it is given accounts,
 * region and parameters ({@link com.example.privateapi.rehearsal.local.DeploySettings}) and hands back what it
 * deployed.
 */
package com.example.privateapi.rehearsal.local;
