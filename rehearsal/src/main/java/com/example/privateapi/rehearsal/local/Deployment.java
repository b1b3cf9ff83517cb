package com.example.privateapi.rehearsal.local;

import com.example.privateapi.rehearsal.template.DeployedStack;

import java.util.List;

/**
 * The stacks as the deploy flow left them.
 *
 * @param provider  the provider stack after its update with the consumers' outputs
 * @param consumers the consumer stacks, the first one first
 */
public record Deployment(DeployedStack provider, List<DeployedConsumer> consumers) {

    public Deployment {
        consumers = List.copyOf(consumers);
    }

    /** A consumer stack as deployed. */
    public record DeployedConsumer(DeploySettings.Consumer consumer, DeployedStack stack) {
    }

    /** The first consumer's stack. */
    public DeployedStack consumer() {
        return consumers.get(0).stack();
    }
}
