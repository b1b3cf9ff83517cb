package com.example.privateapi.rehearsal.lambda;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lambda's scaling ("Understanding Lambda function scaling", Lambda Developer Guide): one invocation per execution
 * environment, a new environment when none is free, reuse of idle ones, and throttling beyond the concurrency.
 */
class EnvironmentPoolTest {

    static final class Environment implements AutoCloseable {
        boolean closed;

        @Override
        public void close() {
            closed = true;
        }
    }

    final List<Environment> made = new ArrayList<>();
    final EnvironmentPool<Environment> pool = new EnvironmentPool<>(ConcurrencyLimit.reserved("fn", 2), () -> {
        Environment e = new Environment();
        made.add(e);
        return e;
    });

    @Test
    void concurrentInvocationsGetEnvironmentsOfTheirOwnUpToTheLimit() throws Exception {
        EnvironmentPool<Environment>.Lease first = pool.acquire();
        EnvironmentPool<Environment>.Lease second = pool.acquire();
        assertTrue(first.created() && second.created());
        assertTrue(first.environment() != second.environment(), "one invocation per environment");
        ConcurrencyLimit.Exceeded throttled = assertThrows(ConcurrencyLimit.Exceeded.class, pool::acquire);
        assertEquals("ReservedFunctionConcurrentInvocationLimitExceeded", throttled.reason());
        assertEquals(2, pool.size());

        second.close();
        EnvironmentPool<Environment>.Lease third = pool.acquire();
        assertFalse(third.created(), "an idle environment is reused: a warm start");
        assertSame(second.environment(), third.environment());
        assertEquals(2, made.size());
    }

    @Test
    void recyclingEndsIdleEnvironmentsNowAndBusyOnesWhenTheirInvocationEnds() throws Exception {
        EnvironmentPool<Environment>.Lease busy = pool.acquire();
        EnvironmentPool<Environment>.Lease done = pool.acquire();
        done.close();
        pool.recycle();
        assertTrue(made.get(1).closed);
        assertFalse(made.get(0).closed, "a running invocation is not cut short");
        busy.close();
        assertTrue(made.get(0).closed);
        assertEquals(0, pool.size());
        assertTrue(pool.acquire().created(), "the next invocation is a cold start");
    }

    @Test
    void unreservedFunctionsShareTheirAccountsConcurrency() throws Exception {
        ConcurrencyLimit account = ConcurrencyLimit.account("111111111111", 1);
        EnvironmentPool<Environment> a = new EnvironmentPool<>(account, Environment::new);
        EnvironmentPool<Environment> b = new EnvironmentPool<>(account, Environment::new);
        try (EnvironmentPool<Environment>.Lease running = a.acquire()) {
            ConcurrencyLimit.Exceeded e = assertThrows(ConcurrencyLimit.Exceeded.class, b::acquire);
            assertEquals("ConcurrentInvocationLimitExceeded", e.reason());
        }
        b.acquire().close();
    }

    @Test
    void reservedConcurrencyOfZeroThrottlesEveryInvocation() {
        EnvironmentPool<Environment> off = new EnvironmentPool<>(ConcurrencyLimit.reserved("off", 0),
                Environment::new);
        assertThrows(ConcurrencyLimit.Exceeded.class, off::acquire);
        assertEquals(0, off.size());
    }

    @Test
    void aFactoryThatFailsGivesItsPermitBack() throws Exception {
        EnvironmentPool<Environment> failing = new EnvironmentPool<>(ConcurrencyLimit.reserved("f", 1), () -> {
            throw new IllegalStateException("cannot start");
        });
        assertThrows(IllegalStateException.class, failing::acquire);
        assertThrows(IllegalStateException.class, failing::acquire, "not throttled: the permit came back");
    }
}
