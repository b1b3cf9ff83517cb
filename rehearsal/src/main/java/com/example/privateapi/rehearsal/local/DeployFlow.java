package com.example.privateapi.rehearsal.local;

import com.example.privateapi.rehearsal.gateway.VpcEndpoint;
import com.example.privateapi.rehearsal.template.DeployTarget;
import com.example.privateapi.rehearsal.template.DeployedStack;
import com.example.privateapi.rehearsal.template.TemplateException;
import com.example.privateapi.rehearsal.template.TemplateReader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The deploy flow of deploy-all.sh, in the rehearsal: the provider stack with its defaults, each consumer stack with
 * the provider's outputs, the provider updated with the consumers' outputs (lists when there are several), then the
 * stage redeployed.
 */
public final class DeployFlow {

    static final Path BACKEND_TEMPLATE = Path.of("api-backend", "vpc-api-backend.yaml");
    static final Path CLIENT_TEMPLATE = Path.of("api-client", "vpc-api-client.yaml");
    public static final String BACKEND_STACK = "private-api-backend";
    public static final String CLIENT_STACK = "private-api-client";
    /** An endpoint of another VPC, never in the API's allow list: {@code OTHER_VPCE_URL}. */
    static final VpcEndpoint OTHER_ENDPOINT = new VpcEndpoint("vpce-0a1b2c3d4e5f60718", "vpc-0f1e2d3c4b5a69788", null);

    private final TemplateReader reader;
    private final Path root;
    private final LocalCloud cloud;
    private final StackApplier applier;
    private final Progress progress;

    public DeployFlow(TemplateReader reader, Path root, LocalCloud cloud, StackApplier applier, Progress progress) {
        this.reader = reader;
        this.root = root;
        this.cloud = cloud;
        this.applier = applier;
        this.progress = progress;
    }

    /**
     * Checks the parameters each deploy will give each stack, before any service starts: the overrides, and the
     * hand-off with stand-ins for the outputs it will carry (an API id, role ARNs and an endpoint id of the right
     * form). A bad name or value fails here as CloudFormation would fail the deploy.
     *
     * @throws InvalidParameters naming the stack, the template and the parameter
     */
    public static void checkParameters(TemplateReader reader, Path root, DeploySettings settings) {
        Map<String, String> providerOutputs = Map.of(
                "APIGatewayFQDN", "a1b2c3d4e5.execute-api." + settings.region() + ".amazonaws.com",
                "APIAccessRole", "arn:aws:iam::" + settings.providerAccount() + ":role/APIAccessRole",
                "APIStageName", settings.providerParams().getOrDefault("pAPIStageName", "Prod"));
        List<Map.Entry<String, Map<String, String>>> consumerOutputs = new ArrayList<>();
        for (DeploySettings.Consumer consumer : settings.consumers()) {
            consumerOutputs.add(Map.entry(consumer.account(), Map.of(
                    "DirectAuthClientRole", "arn:aws:iam::" + consumer.account() + ":role/DirectAuthClientRole"
                            + consumer.number(),
                    "APIGatewayEndpointID", String.format("vpce-0123456789abcdef%d", consumer.number()))));
        }
        String prefixList = LocalCloud.dynamodbPrefixListId(settings.region());
        check(reader, true, root.resolve(BACKEND_TEMPLATE), Handoff.providerParameters(prefixList,
                settings.providerParams()));
        check(reader, true, root.resolve(BACKEND_TEMPLATE), Handoff.providerUpdateParameters(consumerOutputs,
                prefixList, settings.providerParams()));
        check(reader, false, root.resolve(CLIENT_TEMPLATE), Handoff.consumerParameters(
                providerOutputs, settings.providerAccount(), settings.consumerParams()));
    }

    /** A parameter one of the stacks would refuse; the message names the template and the parameter. */
    public static final class InvalidParameters extends RuntimeException {
        private final boolean provider;

        InvalidParameters(boolean provider, String message) {
            super(message);
            this.provider = provider;
        }

        /** Whether the provider's stack refuses it (else the consumer's). */
        public boolean provider() {
            return provider;
        }
    }

    private static void check(TemplateReader reader, boolean provider, Path template, Map<String, String> params) {
        try {
            reader.checkParameters(template, params);
        } catch (TemplateException e) {
            throw new InvalidParameters(provider, e.getMessage());
        }
    }

    public Deployment run(DeploySettings settings) throws IOException {
        DeployTarget providerTarget = new DeployTarget(settings.providerAccount(), settings.region(), BACKEND_STACK);

        progress.step("Deploying the provider stack " + BACKEND_STACK + " in account " + settings.providerAccount()
                + " (" + BACKEND_TEMPLATE + ")");
        progress.note("with its region's DynamoDB prefix list " + cloud.dynamodbPrefixListId());
        overrides(settings.providerParams());
        Map<String, String> initialParams = Handoff.providerParameters(cloud.dynamodbPrefixListId(),
                settings.providerParams());
        DeployedStack provider = reader.deploy(root.resolve(BACKEND_TEMPLATE), initialParams, providerTarget);
        applier.apply(provider, settings.providerAccount());
        progress.done("API " + provider.outputs().get("APIGatewayID") + ", stage "
                + provider.outputs().get("APIStageName"));

        List<Deployment.DeployedConsumer> consumers = new ArrayList<>();
        List<Map.Entry<String, Map<String, String>>> consumerOutputs = new ArrayList<>();
        for (DeploySettings.Consumer consumer : settings.consumers()) {
            progress.step("Deploying the consumer stack " + consumer.stackName() + " in account "
                    + consumer.account() + " (" + CLIENT_TEMPLATE + ")");
            if (settings.sameAccount()) {
                progress.note("in the provider's account: IAM's rules within one account apply");
            }
            Map<String, String> consumerParams = Handoff.consumerParameters(provider.outputs(),
                    settings.providerAccount(), settings.consumerParams());
            progress.note("with the provider's outputs: " + String.join(", ", Handoff.consumerParameters(
                    provider.outputs(), settings.providerAccount(), Map.of()).keySet()));
            overrides(settings.consumerParams());
            DeployedStack stack = reader.deploy(root.resolve(CLIENT_TEMPLATE), consumerParams,
                    new DeployTarget(consumer.account(), settings.region(), consumer.stackName()));
            applier.apply(stack, consumer.account());
            progress.note("endpoint " + stack.outputs().get("APIGatewayEndpointID"));
            String directRole = stack.outputs().get("DirectAuthClientRole");
            // The account is in the step's title: the role's name is what tells it apart.
            progress.done("direct client role " + (directRole == null ? null
                    : directRole.substring(directRole.indexOf(":role/") + ":role/".length())));
            consumers.add(new Deployment.DeployedConsumer(consumer, stack));
            consumerOutputs.add(Map.entry(consumer.account(), stack.outputs()));
        }

        progress.step("Updating the provider stack with the " + (consumers.size() == 1 ? "consumer's outputs"
                : consumers.size() + " consumers' outputs, as lists"));
        Map<String, String> providerParams = Handoff.providerUpdateParameters(consumerOutputs,
                cloud.dynamodbPrefixListId(), settings.providerParams());
        provider = reader.deploy(root.resolve(BACKEND_TEMPLATE), providerParams, providerTarget);
        applier.apply(provider, settings.providerAccount());
        // A list's items one per line, so that each is shown whole.
        List<String> given = new ArrayList<>();
        providerParams.forEach((k, v) -> {
            List<String> items = List.of(v.split(",", -1));
            given.add(k + "=" + items.get(0) + (items.size() > 1 ? "," : ""));
            for (int i = 1; i < items.size(); i++) {
                given.add("  " + items.get(i) + (i < items.size() - 1 ? "," : ""));
            }
        });
        given.subList(0, given.size() - 1).forEach(progress::note);
        progress.done(given.get(given.size() - 1));

        String apiId = Handoff.required(provider.outputs(), "APIGatewayID", "provider");
        progress.step("Redeploying stage " + provider.outputs().get("APIStageName") + " of API " + apiId);
        applier.redeployStage(apiId, provider.outputs().get("APIStageName"));
        cloud.endpoint(OTHER_ENDPOINT, false);
        progress.done("deployed");
        return new Deployment(provider, consumers);
    }

    private void overrides(Map<String, String> overrides) {
        overrides.forEach((k, v) -> progress.note("overriding " + k + "=" + v));
    }
}
