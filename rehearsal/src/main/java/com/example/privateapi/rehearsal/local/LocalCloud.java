package com.example.privateapi.rehearsal.local;

import com.example.privateapi.localddb.Dynalite;
import com.example.privateapi.rehearsal.gateway.ApiDefinition;
import com.example.privateapi.rehearsal.gateway.FunctionInvoker;
import com.example.privateapi.rehearsal.gateway.GatewayPipeline;
import com.example.privateapi.rehearsal.gateway.GatewayResponse;
import com.example.privateapi.rehearsal.gateway.PrivateApiGateway;
import com.example.privateapi.rehearsal.gateway.RequestAuthorizer;
import com.example.privateapi.rehearsal.gateway.VpcEndpoint;
import com.example.privateapi.iam.PolicyEvaluator;
import com.example.privateapi.rehearsal.identity.IdentityStore;
import com.example.privateapi.rehearsal.lambda.InvocationResult;
import com.example.privateapi.rehearsal.lambda.LocalLambda;
import com.example.privateapi.rehearsal.net.EndpointTunnel;
import com.example.privateapi.rehearsal.net.LocalCertificates;
import com.example.privateapi.rehearsal.sigv4.SigV4Verifier;
import com.example.privateapi.rehearsal.sts.StsServer;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The local stand-ins for the AWS services of the rehearsal, started once and closed together: STS, DynamoDB
 * (dynalite or a given endpoint), the private API gateway with one listener per VPC endpoint, the consumer VPC's
 * network path to its endpoints, and the Lambda runtime.
 */
final class LocalCloud implements AutoCloseable {

    static {
        // Before the first HTTP server is made: without TCP_NODELAY, Nagle's algorithm and delayed acknowledgements
        // would add up to 40 ms to small exchanges (the Runtime API's, the gateway's) that AWS answers at once.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** An execute-api endpoint as stood up here: its gateway listener, and whether private DNS is on. */
    record EndpointListener(VpcEndpoint endpoint, URI url, boolean privateDns) {
    }

    final String region;
    final Clock clock = Clock.systemUTC();
    final IdentityStore identities = new IdentityStore(clock);
    final PolicyEvaluator evaluator = new PolicyEvaluator();
    final SigV4Verifier verifier = new SigV4Verifier(identities, clock);
    final LocalLambda lambda;
    final URI stsUrl;
    final URI dynamodbUrl;
    final URI outsideUrl;
    final LocalCertificates certificates;
    final EndpointTunnel vpcNetwork;

    private final List<AutoCloseable> resources = new ArrayList<>();
    private final Map<String, ApiDefinition> publishedApis = new ConcurrentHashMap<>();
    private final Map<String, EndpointListener> endpoints = new ConcurrentHashMap<>();
    private final List<GatewayResponse> gatewayResponses = new CopyOnWriteArrayList<>();
    private final List<String> stsDenials = new CopyOnWriteArrayList<>();
    private final PrivateApiGateway gateway;

    LocalCloud(String region, URI dynamodbOverride, Path stateDir, PrintStream accessLog, PrintStream functionLog)
            throws IOException {
        this.region = region;
        try {
            StsServer sts = new StsServer(identities, verifier, evaluator, region, stsDenials::add);
            resources.add(sts);
            this.stsUrl = sts.start();
            if (dynamodbOverride != null) {
                this.dynamodbUrl = dynamodbOverride;
            } else {
                Dynalite dynalite = Dynalite.start();
                resources.add(dynalite);
                this.dynamodbUrl = dynalite.endpoint();
            }
            this.lambda = new LocalLambda(null, region, functionLog);
            resources.add(lambda);
            FunctionInvoker invoker = (name, event) -> {
                InvocationResult result = lambda.invoke(name, event);
                if (result.functionError() != null) {
                    throw new FunctionInvoker.IntegrationException("Lambda function " + name + " failed ("
                            + result.functionError() + "): " + result.payload());
                }
                return result.payload();
            };
            GatewayPipeline pipeline = new GatewayPipeline(region, () -> publishedApis,
                    new RequestAuthorizer(region, verifier, identities, evaluator), invoker, clock,
                    accessLog::println, gatewayResponses::add);
            this.gateway = new PrivateApiGateway(pipeline);
            resources.add(gateway);
            this.outsideUrl = gateway.startOutsideListener();
            this.certificates = new LocalCertificates(stateDir.resolve("tls"), region);
            this.vpcNetwork = new EndpointTunnel(certificates.serverContext(), this::resolveInVpc);
            resources.add(vpcNetwork);
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Publishes an API's definition to its stage, as a deployment does. */
    void publish(ApiDefinition api) {
        publishedApis.put(api.apiId(), api);
    }

    ApiDefinition published(String apiId) {
        return publishedApis.get(apiId);
    }

    /** Stands up (once) the gateway listener of an execute-api interface endpoint. */
    synchronized EndpointListener endpoint(VpcEndpoint endpoint, boolean privateDns) throws IOException {
        EndpointListener existing = endpoints.get(endpoint.id());
        if (existing != null && existing.endpoint().equals(endpoint) && existing.privateDns() == privateDns) {
            return existing;
        }
        EndpointListener listener = new EndpointListener(endpoint, gateway.startEndpoint(endpoint), privateDns);
        endpoints.put(endpoint.id(), listener);
        return listener;
    }

    /**
     * Where an API Gateway name leads from inside the consumer VPC, as its DNS would answer: an endpoint's own
     * names lead to it; the API's name leads to an endpoint with private DNS on, or else to API Gateway's public
     * side, where a private API refuses the request.
     */
    private Optional<InetSocketAddress> resolveInVpc(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.endsWith(".vpce.amazonaws.com")) {
            return endpoints.values().stream().filter(e -> name.startsWith(e.endpoint().id() + "-"))
                    .findFirst().map(e -> address(e.url()));
        }
        if (name.endsWith(".execute-api." + region + ".amazonaws.com")) {
            return Optional.of(endpoints.values().stream().filter(EndpointListener::privateDns).findFirst()
                    .map(e -> address(e.url())).orElse(address(outsideUrl)));
        }
        return Optional.empty();
    }

    private static InetSocketAddress address(URI url) {
        return new InetSocketAddress(url.getHost(), url.getPort());
    }

    /** Gateway answers observed since the last call, oldest first. */
    List<GatewayResponse> drainGatewayResponses() {
        List<GatewayResponse> seen = List.copyOf(gatewayResponses);
        gatewayResponses.clear();
        return seen;
    }

    /** Explanations of AssumeRole calls STS refused since the last call. */
    List<String> drainStsDenials() {
        List<String> seen = List.copyOf(stsDenials);
        stsDenials.clear();
        return seen;
    }

    @Override
    public void close() {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                System.err.println("run-local: while shutting down: " + e.getMessage());
            }
        }
        resources.clear();
    }
}
