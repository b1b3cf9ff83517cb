/**
 * HTTP on loopback for the rehearsal's stand-ins for AWS endpoints: a strict HTTP/1.1 listener with limits and
 * timeouts ({@link com.example.privateapi.rehearsal.http.HttpListener}), and form/query decoding. Knows HTTP only:
 * nothing of API Gateway, STS, SigV4 or IAM; each owner renders its own error format through
 * {@link com.example.privateapi.rehearsal.http.ErrorPage}.
 */
package com.example.privateapi.rehearsal.http;
