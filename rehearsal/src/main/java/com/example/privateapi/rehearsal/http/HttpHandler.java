package com.example.privateapi.rehearsal.http;

/** Answers a well-formed request. */
@FunctionalInterface
public interface HttpHandler {

    HttpResponse handle(HttpRequest request);
}
