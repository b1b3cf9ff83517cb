package com.example.privateapi.diagnose.model;

/**
 * A REST API and its current resource policy.
 *
 * @param id     the API id
 * @param name   its name
 * @param policy the resource policy JSON as API Gateway holds it (unescaped), or null when it has none
 */
public record ApiView(String id, String name, String policy) {
}
