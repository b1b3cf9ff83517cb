package com.example.privateapi.backend;

import java.util.Optional;

/** Where requests are recorded. */
public interface RequestStore {

    /** Writes the record; throws an {@code SdkException} when it cannot, after the SDK's retries. */
    void put(RequestRecord record);

    Optional<RequestRecord> get(String id);
}
