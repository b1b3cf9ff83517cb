package com.example.privateapi.client;

/** A call that could not be made; the message names the cause and what to check. It becomes a function error. */
public final class ClientFailure extends RuntimeException {
    public ClientFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
