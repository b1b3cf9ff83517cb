package com.example.privateapi.diagnose.model;

/**
 * One client function and its execution role.
 *
 * @param kind         which client
 * @param functionName the name the consumer stack's output gives, or null when the stack has no such output
 * @param function     its configuration
 * @param role         its execution role
 */
public record ClientView(ClientKind kind, String functionName, Read<FunctionView> function, Read<RoleView> role) {

    public boolean deployed() {
        return functionName != null;
    }
}
