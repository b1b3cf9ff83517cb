package com.example.privateapi.rehearsal.lambda;

/**
 * How an execution environment is initialized, as Lambda tells the runtime in {@code AWS_LAMBDA_INITIALIZATION_TYPE}
 * (Lambda developer guide, "Defined runtime environment variables").
 */
enum InitType {
    /** Init runs at the cold start, on the invocation's path. */
    ON_DEMAND("on-demand"),
    /** Init and the beforeCheckpoint hooks run when a version is published; cold starts restore the snapshot. */
    SNAP_START("snap-start");

    private final String value;

    InitType(String value) {
        this.value = value;
    }

    String value() {
        return value;
    }
}
