/**
 * The consumer VPC's network path: the HTTPS proxy a function's JVM uses to reach API Gateway's names, which
 * resolves them as the VPC's DNS would and terminates TLS with the rehearsal's own certificates.
 *
 * <p>It must not know API Gateway's rules or IAM: it only carries requests to the listener a name leads to.
 */
package com.example.privateapi.rehearsal.net;
