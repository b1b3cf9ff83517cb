package com.example.privateapi.backend;

import java.util.Optional;

/** Where requests are recorded. */
public interface RequestStore {

    /** Writes the record. @throws RequestStoreException when it cannot, after the store's bounded retries */
    void put(RequestRecord record);

    /** @throws RequestStoreException when the store cannot answer */
    Optional<RequestRecord> get(String id);

    /** Does the work of a write and a read without sending or storing anything (SnapStart priming). */
    default void prime(RequestRecord sample) {
    }
}
