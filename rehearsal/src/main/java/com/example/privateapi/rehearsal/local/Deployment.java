package com.example.privateapi.rehearsal.local;

import com.example.privateapi.rehearsal.template.DeployedStack;

/**
 * The two stacks as the deploy flow left them.
 *
 * @param provider the provider stack after its update with the consumer's outputs
 * @param consumer the consumer stack
 */
public record Deployment(DeployedStack provider, DeployedStack consumer) {
}
