/**
 * HTTP on loopback for the rehearsal's stand-ins for AWS endpoints (the gateway, STS): a strict HTTP/1.1 listener
 * with limits and timeouts ({@link com.example.privateapi.rehearsal.http.HttpListener}), header maps in one shared
 * form, and query strings and form bodies.
 *
 * <p>It must not know any AWS service or rehearsal behaviour: each owner renders its own error format through
 * {@link com.example.privateapi.rehearsal.http.ErrorPage}.
 */
package com.example.privateapi.rehearsal.http;
