package com.example.privateapi.rehearsal.http;

/** Renders a listener's own answer in the error format of the service it stands for. */
@FunctionalInterface
public interface ErrorPage {

    HttpResponse render(ProtocolError error);
}
