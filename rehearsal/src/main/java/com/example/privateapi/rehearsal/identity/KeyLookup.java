package com.example.privateapi.rehearsal.identity;

/** What the identity store knows of an access key (and the session token sent with it). */
public sealed interface KeyLookup {

    record Found(Credentials credentials) implements KeyLookup {
    }

    /** No such access key. */
    record UnknownKey() implements KeyLookup {
    }

    /** A session key without its token, with the wrong token, or a token sent with a long-term key. */
    record BadSessionToken() implements KeyLookup {
    }

    record Expired(Credentials credentials) implements KeyLookup {
    }
}
