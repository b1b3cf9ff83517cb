package com.example.privateapi.client;

/** An environment variable with a missing or malformed value; the message names it and the expected form. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
