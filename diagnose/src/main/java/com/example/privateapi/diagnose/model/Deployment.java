package com.example.privateapi.diagnose.model;

/**
 * Both sides of a deployment, as read.
 *
 * @param consumer the consumer account
 * @param provider the provider account
 */
public record Deployment(ConsumerView consumer, ProviderView provider) {
}
