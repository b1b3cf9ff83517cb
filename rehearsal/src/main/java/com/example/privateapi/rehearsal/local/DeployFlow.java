package com.example.privateapi.rehearsal.local;

import com.example.privateapi.rehearsal.gateway.VpcEndpoint;
import com.example.privateapi.rehearsal.template.DeployTarget;
import com.example.privateapi.rehearsal.template.DeployedStack;
import com.example.privateapi.rehearsal.template.TemplateReader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The deploy flow of deploy-all.sh, in the rehearsal: the provider stack with its defaults, the consumer stack with
 * the provider's outputs, the provider updated with the consumer's outputs, then the stage redeployed.
 */
final class DeployFlow {

    static final Path BACKEND_TEMPLATE = Path.of("api-backend", "vpc-api-backend.yaml");
    static final Path CLIENT_TEMPLATE = Path.of("api-client", "vpc-api-client.yaml");
    static final String BACKEND_STACK = "private-api-backend";
    static final String CLIENT_STACK = "private-api-client";
    /** An endpoint of another VPC, never in the API's allow list: {@code OTHER_VPCE_URL}. */
    static final VpcEndpoint OTHER_ENDPOINT = new VpcEndpoint("vpce-0a1b2c3d4e5f60718", "vpc-0f1e2d3c4b5a69788", null);

    private final TemplateReader reader;
    private final Path root;
    private final LocalCloud cloud;
    private final StackApplier applier;
    private final Progress progress;

    DeployFlow(TemplateReader reader, Path root, LocalCloud cloud, StackApplier applier, Progress progress) {
        this.reader = reader;
        this.root = root;
        this.cloud = cloud;
        this.applier = applier;
        this.progress = progress;
    }

    Deployment run(RunLocalOptions options) throws IOException {
        DeployTarget providerTarget = new DeployTarget(options.providerAccount(), options.region(), BACKEND_STACK);
        DeployTarget consumerTarget = new DeployTarget(options.consumerAccount(), options.region(), CLIENT_STACK);

        progress.step("Deploying the provider stack " + BACKEND_STACK + " (" + BACKEND_TEMPLATE + ") in account "
                + options.providerAccount() + " with its region's DynamoDB prefix list"
                + overridesNote(options.providerParams()));
        Map<String, String> initialParams = Handoff.providerParameters(cloud.dynamodbPrefixListId(),
                options.providerParams());
        DeployedStack provider = reader.deploy(root.resolve(BACKEND_TEMPLATE), initialParams, providerTarget);
        applier.apply(provider, options.providerAccount());
        progress.done("API " + provider.outputs().get("APIGatewayID") + ", stage "
                + provider.outputs().get("APIStageName"));

        progress.step("Deploying the consumer stack " + CLIENT_STACK + " (" + CLIENT_TEMPLATE + ") in account "
                + options.consumerAccount() + " with the provider's outputs" + overridesNote(options.consumerParams()));
        Map<String, String> consumerParams = Handoff.consumerParameters(provider.outputs(), options.providerAccount(),
                options.consumerParams());
        DeployedStack consumer = reader.deploy(root.resolve(CLIENT_TEMPLATE), consumerParams, consumerTarget);
        applier.apply(consumer, options.consumerAccount());
        progress.done("endpoint " + consumer.outputs().get("APIGatewayEndpointID") + ", direct client role "
                + consumer.outputs().get("DirectAuthClientRole"));

        progress.step("Updating the provider stack with the consumer's outputs");
        Map<String, String> providerParams = Handoff.providerUpdateParameters(consumer.outputs(),
                options.consumerAccount(), cloud.dynamodbPrefixListId(), options.providerParams());
        provider = reader.deploy(root.resolve(BACKEND_TEMPLATE), providerParams, providerTarget);
        applier.apply(provider, options.providerAccount());
        progress.done(describe(providerParams));

        String apiId = Handoff.required(provider.outputs(), "APIGatewayID", "provider");
        progress.step("Redeploying stage " + provider.outputs().get("APIStageName") + " of API " + apiId);
        applier.redeployStage(apiId, provider.outputs().get("APIStageName"));
        cloud.endpoint(OTHER_ENDPOINT, false);
        progress.done("deployed");
        return new Deployment(provider, consumer);
    }

    private static String overridesNote(Map<String, String> overrides) {
        return overrides.isEmpty() ? "" : ", overriding " + describe(overrides);
    }

    private static String describe(Map<String, String> params) {
        StringBuilder text = new StringBuilder();
        params.forEach((k, v) -> text.append(text.length() == 0 ? "" : " ").append(k).append('=').append(v));
        return text.toString();
    }
}
