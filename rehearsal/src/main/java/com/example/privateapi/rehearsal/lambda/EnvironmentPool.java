package com.example.privateapi.rehearsal.lambda;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The execution environments of one function, as Lambda keeps them ("Understanding Lambda function scaling", Lambda
 * Developer Guide): each runs one invocation at a time; an invocation takes an idle environment (the one used last)
 * or, when none is idle, gets a new one, a cold start; either way only while the function's concurrency allows one
 * more invocation in flight, and beyond that it is throttled. Where environments come from is the factory's
 * business: started on demand, or resumed from a SnapStart snapshot.
 *
 * @param <E> the environment
 */
final class EnvironmentPool<E extends AutoCloseable> implements AutoCloseable {

    /** An environment lent to one invocation; closing the lease gives it back. */
    final class Lease implements AutoCloseable {
        private final E environment;
        private final boolean created;
        private final long generation;
        private boolean returned;

        private Lease(E environment, boolean created, long generation) {
            this.environment = environment;
            this.created = created;
            this.generation = generation;
        }

        E environment() {
            return environment;
        }

        /** The environment was made for this invocation: a cold start. */
        boolean created() {
            return created;
        }

        @Override
        public void close() {
            if (!returned) {
                returned = true;
                giveBack(this);
            }
        }
    }

    private final ConcurrencyLimit limit;
    private final Supplier<E> factory;
    private final Predicate<E> reusable;
    private final Deque<E> idle = new ArrayDeque<>();
    private final Set<E> all = new HashSet<>();
    /** Raised by {@link #recycle()}: environments lent out before it are ended when they come back. */
    private long generation;
    private boolean closed;

    EnvironmentPool(ConcurrencyLimit limit, Supplier<E> factory) {
        this(limit, factory, environment -> true);
    }

    /** @param reusable whether an environment an invocation gives back may serve another (not ended, timed out) */
    EnvironmentPool(ConcurrencyLimit limit, Supplier<E> factory, Predicate<E> reusable) {
        this.limit = limit;
        this.factory = factory;
        this.reusable = reusable;
    }

    /** An environment for one invocation. @throws ConcurrencyLimit.Exceeded the invocation is throttled */
    Lease acquire() throws ConcurrencyLimit.Exceeded {
        limit.acquire();
        try {
            long current;
            synchronized (this) {
                if (closed) {
                    throw new IllegalStateException("the function was deleted");
                }
                current = generation;
                E environment = idle.pollFirst();
                if (environment != null) {
                    return new Lease(environment, false, current);
                }
            }
            E created = factory.get();
            synchronized (this) {
                all.add(created);
            }
            return new Lease(created, true, current);
        } catch (RuntimeException e) {
            limit.release();
            throw e;
        }
    }

    private void giveBack(Lease lease) {
        boolean end;
        boolean usable = reusable.test(lease.environment);
        synchronized (this) {
            end = closed || lease.generation != generation || !usable;
            if (end) {
                all.remove(lease.environment);
            } else {
                idle.addFirst(lease.environment);
            }
        }
        limit.release();
        if (end) {
            closeQuietly(lease.environment);
        }
    }

    /** Environments alive, idle or busy. */
    synchronized int size() {
        return all.size();
    }

    /** Ends every environment (the busy ones when their invocation ends): the next invocation is a cold start. */
    void recycle() {
        List<E> ending;
        synchronized (this) {
            generation++;
            ending = new ArrayList<>(idle);
            all.removeAll(idle);
            idle.clear();
        }
        ending.forEach(EnvironmentPool::closeQuietly);
    }

    @Override
    public void close() {
        List<E> ending;
        synchronized (this) {
            closed = true;
            ending = new ArrayList<>(all);
            all.clear();
            idle.clear();
        }
        ending.forEach(EnvironmentPool::closeQuietly);
    }

    private static void closeQuietly(AutoCloseable environment) {
        try {
            environment.close();
        } catch (Exception e) {
            // Ending it anyway.
        }
    }
}
