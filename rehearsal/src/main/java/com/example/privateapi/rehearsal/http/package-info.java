/**
 * Small HTTP helpers shared by the gateway, STS and the SigV4 verifier: query strings and form bodies.
 *
 * <p>It must not know any AWS service or rehearsal behaviour.
 */
package com.example.privateapi.rehearsal.http;
