package com.example.privateapi.backend;

import java.util.Optional;

/** Where requests are recorded. */
public interface RequestStore {

    /** Writes the record; throws an {@code SdkException} when it cannot, after the SDK's retries. */
    void put(RequestRecord record);

    Optional<RequestRecord> get(String id);

    /** Does the work of a write and a read without sending or storing anything (SnapStart priming). */
    default void prime(RequestRecord sample) {
    }
}
