package com.example.privateapi.rehearsal.template;

/** A template or parameter the rehearsal cannot deploy; the message names the template and the path in it. */
public final class TemplateException extends RuntimeException {
    public TemplateException(String message) {
        super(message);
    }
}
