/**
 * STS on loopback in its query protocol: {@code GetCallerIdentity} and {@code AssumeRole}, with the STS trust
 * check (the role's trust policy and the caller's identity policies, through the iam-policy module) and STS's
 * error answers.
 *
 * <p>It must not know API Gateway, Lambda or templates.
 */
package com.example.privateapi.rehearsal.sts;
