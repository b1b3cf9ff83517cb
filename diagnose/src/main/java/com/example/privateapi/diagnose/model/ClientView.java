package com.example.privateapi.diagnose.model;

/**
 * One client function and its execution role.
 *
 * @param kind         which client
 * @param functionName the name the consumer stack's output gives, or null when unknown or absent
 * @param absent       whether the consumer stack says this client is not deployed (it has no such output)
 * @param function     its configuration
 * @param role         its execution role
 */
public record ClientView(ClientKind kind, String functionName, boolean absent, Read<FunctionView> function,
                         Read<RoleView> role) {

    /** Deployed, or not known to be absent: its checks are made, or reported as not checked. */
    public boolean deployed() {
        return !absent;
    }
}
