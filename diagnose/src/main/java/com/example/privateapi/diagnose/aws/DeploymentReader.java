package com.example.privateapi.diagnose.aws;

import com.example.privateapi.diagnose.model.ClientKind;
import com.example.privateapi.diagnose.model.ConsumerView;
import com.example.privateapi.diagnose.model.Deployment;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Set;

/** Reads both sides: the consumer first, for the provider role its assume-role client names. */
public final class DeploymentReader {

    private final ConsumerReader consumer;
    private final ProviderReader provider;

    public DeploymentReader(AwsAccount consumerAccount, String clientStack, AwsAccount providerAccount,
                            String backendStack, Clock clock) {
        this.consumer = new ConsumerReader(consumerAccount, clientStack);
        this.provider = new ProviderReader(providerAccount, backendStack, clock);
    }

    public Deployment read() {
        ConsumerView consumerView = consumer.read();
        Set<String> roles = new LinkedHashSet<>();
        consumerView.client(ClientKind.ASSUME_ROLE).function().get()
                .map(f -> f.env("ROLE_TO_ASSUME")).filter(arn -> arn.startsWith("arn:")).ifPresent(roles::add);
        return new Deployment(consumerView, provider.read(roles));
    }
}
