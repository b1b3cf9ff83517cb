package com.example.privateapi.rehearsal.local;

import com.example.privateapi.rehearsal.gateway.GatewayResponse;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The latest gateway answers, at most a fixed number: older ones are forgotten. Thread-safe. */
final class RecentResponses {

    private final int capacity;
    private final Deque<GatewayResponse> responses = new ArrayDeque<>();

    RecentResponses(int capacity) {
        this.capacity = capacity;
    }

    synchronized void add(GatewayResponse response) {
        if (responses.size() == capacity) {
            responses.removeFirst();
        }
        responses.addLast(response);
    }

    /** The answers kept since the last drain, oldest first. */
    synchronized List<GatewayResponse> drain() {
        List<GatewayResponse> seen = List.copyOf(responses);
        responses.clear();
        return seen;
    }
}
