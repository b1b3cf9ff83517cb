package com.example.privateapi.diagnose.model;

import java.util.Optional;
import java.util.function.Function;

/**
 * Something read from an account, or why it could not be read. A failed read never ends the diagnosis: the checks
 * that need it are reported as not checked, and the failure is one line naming the missing permission.
 *
 * @param <T> what was read
 */
public sealed interface Read<T> {

    /** The value that was read. */
    record Ok<T>(T value) implements Read<T> {
    }

    /**
     * A read that failed.
     *
     * @param what what could not be read, e.g. {@code the endpoint vpce-0123 (its policy, state, DNS names)}
     * @param why  why, naming the permission where it was refused: {@code ec2:DescribeVpcEndpoints denied}
     */
    record Failed<T>(String what, String why) implements Read<T> {
        /** The same failure, typed for a read that depended on this one. */
        @SuppressWarnings("unchecked")
        public <U> Failed<U> as() {
            return (Failed<U>) this;
        }
    }

    static <T> Read<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> Read<T> failed(String what, String why) {
        return new Failed<>(what, why);
    }

    default Optional<T> get() {
        return this instanceof Ok<T> ok ? Optional.ofNullable(ok.value()) : Optional.empty();
    }

    default boolean isOk() {
        return this instanceof Ok<T>;
    }

    /** A read that needs this one: runs {@code next} with the value, or passes the failure on. */
    default <U> Read<U> then(Function<T, Read<U>> next) {
        if (this instanceof Ok<T> ok) {
            return next.apply(ok.value());
        }
        return ((Failed<T>) this).as();
    }

    default <U> Read<U> map(Function<T, U> f) {
        return then(v -> Read.ok(f.apply(v)));
    }
}
