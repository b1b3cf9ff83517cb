package com.example.privateapi.rehearsal.local;

import com.example.privateapi.rehearsal.gateway.ApiDefinition;
import com.example.privateapi.rehearsal.gateway.FunctionInvoker;
import com.example.privateapi.rehearsal.gateway.GatewayPipeline;
import com.example.privateapi.rehearsal.gateway.GatewayResponse;
import com.example.privateapi.rehearsal.gateway.IntegrationAuthorizer;
import com.example.privateapi.rehearsal.gateway.PrivateApiGateway;
import com.example.privateapi.rehearsal.gateway.RequestAuthorizer;
import com.example.privateapi.rehearsal.gateway.VpcEndpoint;
import com.example.privateapi.iam.Policy;
import com.example.privateapi.iam.PolicyEvaluator;
import com.example.privateapi.rehearsal.identity.IdentityStore;
import com.example.privateapi.rehearsal.lambda.InvocationResult;
import com.example.privateapi.rehearsal.lambda.LocalLambda;
import com.example.privateapi.rehearsal.net.EndpointTunnel;
import com.example.privateapi.rehearsal.net.LocalCertificates;
import com.example.privateapi.rehearsal.net.OwnerOnly;
import com.example.privateapi.rehearsal.net.UnansweredListener;
import com.example.privateapi.rehearsal.sigv4.SigV4Verifier;
import com.example.privateapi.rehearsal.sts.StsServer;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The local stand-ins for the AWS services of the rehearsal, started once and closed together: STS, DynamoDB
 * (dynalite or a given endpoint), the private API gateway with one listener per VPC endpoint, the consumer VPC's
 * network path to its endpoints, and the Lambda runtime. A shutdown hook closes what is still open if the JVM ends
 * early (Ctrl-C, SIGTERM), so no function JVM or dynalite outlives it.
 */
public final class LocalCloud implements AutoCloseable {

    static {
        // Before the first HTTP server is made: without TCP_NODELAY, Nagle's algorithm and delayed acknowledgements
        // would add up to 40 ms to small exchanges (the Runtime API's, the gateway's) that AWS answers at once.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** An execute-api endpoint as stood up here: its gateway listener, and whether private DNS is on. */
    public record EndpointListener(VpcEndpoint endpoint, URI url, boolean privateDns) {
    }

    private final String region;
    private final Clock clock = Clock.systemUTC();
    private final IdentityStore identities = new IdentityStore(clock);
    private final PolicyEvaluator evaluator = new PolicyEvaluator();
    private final SigV4Verifier verifier = new SigV4Verifier(identities, clock);
    private final LocalLambda lambda;
    private final URI stsUrl;
    private final URI dynamodbUrl;
    private final URI outsideUrl;
    private final LocalCertificates certificates;
    /** Each VPC's network path to its interface endpoints, by VPC id, started when a function of it is deployed. */
    private final Map<String, EndpointTunnel> vpcNetworks = new ConcurrentHashMap<>();

    private final List<AutoCloseable> resources = new ArrayList<>();
    /** Each API's deployed stages: API id to stage name to what the stage serves. */
    private final Map<String, Map<String, ApiDefinition>> publishedApis = new ConcurrentHashMap<>();
    /** Each function's resource policy, by its unqualified ARN. */
    private final Map<String, Policy> functionPolicies = new ConcurrentHashMap<>();
    private final Map<String, EndpointListener> endpoints = new ConcurrentHashMap<>();
    /** The latest gateway answers, for explaining a client's failure; bounded, so serving does not grow the heap. */
    private final RecentResponses gatewayResponses = new RecentResponses(64);
    private final List<Consumer<GatewayResponse>> responseListeners = new CopyOnWriteArrayList<>();
    private final List<String> stsDenials = new CopyOnWriteArrayList<>();
    private final List<String> networkDenials = new CopyOnWriteArrayList<>();
    /** The unanswered address of each path security groups close, by the denial it records. */
    private final Map<String, UnansweredListener> unanswered = new ConcurrentHashMap<>();
    private final PrivateApiGateway gateway;
    private final Thread closeOnExit = new Thread(this::close, "local-cloud-close");

    /**
     * @param dynamodbOverride an existing DynamoDB endpoint, or null to start dynalite
     * @param stateDir         where the endpoints' TLS material is kept
     * @param accessLog        receives each access-log line, in the stage's format; null when nobody reads them, so
     *                         that none is rendered
     * @param functionLog      where the functions' log lines are echoed, or null to keep them for failures only
     * @param lambdaConcurrency invocations each account's unreserved functions may run at once; beyond it (or a
     *                          function's reserved concurrency) Lambda throttles
     */
    public LocalCloud(String region, URI dynamodbOverride, Path stateDir, Consumer<String> accessLog,
                      PrintStream functionLog, int lambdaConcurrency) throws IOException {
        this.region = region;
        Runtime.getRuntime().addShutdownHook(closeOnExit);
        try {
            // Keys, credentials and records live here: the owner's only.
            OwnerOnly.directory(stateDir);
            StsServer sts = new StsServer(identities, verifier, evaluator, region, stsDenials::add);
            resources.add(sts);
            this.stsUrl = sts.start();
            if (dynamodbOverride != null) {
                this.dynamodbUrl = dynamodbOverride;
            } else {
                DynaliteSupervisor dynamodb = DynaliteSupervisor.start(stateDir,
                        notice -> System.err.println("run-local: " + notice));
                resources.add(dynamodb);
                this.dynamodbUrl = dynamodb.endpoint();
            }
            this.lambda = new LocalLambda(null, region, functionLog, lambdaConcurrency);
            resources.add(lambda);
            FunctionInvoker invoker = (functionArn, event) -> {
                String name = functionArn.split(":")[6];
                InvocationResult result = lambda.invoke(name, event);
                String throttled = result.throttleReason();
                if (throttled != null) {
                    throw new FunctionInvoker.Throttled("Lambda throttled the invocation of " + name
                            + " (429 TooManyRequestsException, " + throttled + ")");
                }
                if (result.functionError() != null) {
                    throw new FunctionInvoker.IntegrationException("Lambda function " + name + " failed ("
                            + result.functionError() + "): " + result.payload());
                }
                return result.payload();
            };
            // The access log and the answers shown while serving are written off the request threads: a slow
            // terminal never slows a request, and what it cannot keep up with is counted, not queued without end.
            BoundedOutput<String> accessLines = accessLog == null ? null : new BoundedOutput<>("access-log", 10_000,
                    accessLog, skipped -> accessLog.accept("(" + skipped + " access-log lines skipped: the output "
                            + "could not keep up)"));
            if (accessLines != null) {
                resources.add(accessLines);
            }
            BoundedOutput<GatewayResponse> shownResponses = new BoundedOutput<>("shown-responses", 10_000,
                    response -> responseListeners.forEach(listener -> listener.accept(response)),
                    skipped -> System.err.println("run-local: " + skipped + " answers not shown: the output could "
                            + "not keep up"));
            resources.add(shownResponses);
            GatewayPipeline pipeline = new GatewayPipeline(region,
                    apiId -> Optional.ofNullable(publishedApis.get(apiId)).map(Collections::unmodifiableMap),
                    new RequestAuthorizer(region, verifier, identities, evaluator),
                    new IntegrationAuthorizer(evaluator, identities,
                            arn -> Optional.ofNullable(functionPolicies.get(arn))),
                    invoker, clock, accessLines, response -> {
                        gatewayResponses.add(response);
                        if (!responseListeners.isEmpty()) {
                            shownResponses.accept(response);
                        }
                    });
            this.gateway = new PrivateApiGateway(pipeline);
            resources.add(gateway);
            this.outsideUrl = gateway.startOutsideListener();
            this.certificates = new LocalCertificates(stateDir.resolve("tls"), region);
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    public String region() {
        return region;
    }

    /** The clock every service here signs and verifies with. */
    public Clock clock() {
        return clock;
    }

    /** The roles and their sessions: IAM and STS's shared state. */
    public IdentityStore identities() {
        return identities;
    }

    public PolicyEvaluator evaluator() {
        return evaluator;
    }

    /** The Lambda service: functions are deployed to and invoked through it. */
    public LocalLambda lambda() {
        return lambda;
    }

    public URI stsUrl() {
        return stsUrl;
    }

    public URI dynamodbUrl() {
        return dynamodbUrl;
    }

    /** The port of a VPC's network path to its execute-api endpoints, as an HTTPS proxy. */
    public synchronized int vpcNetworkProxyPort(String vpcId) throws IOException {
        EndpointTunnel tunnel = vpcNetworks.get(vpcId);
        if (tunnel == null) {
            tunnel = new EndpointTunnel(certificates.serverContext(), host -> resolveInVpc(vpcId, host));
            resources.add(tunnel);
            vpcNetworks.put(vpcId, tunnel);
        }
        return tunnel.port();
    }

    /**
     * JVM system properties that send a function's HTTPS through a proxy standing for its VPC's network path, and
     * make it trust the rehearsal's certificates for API Gateway's names as it would trust AWS's.
     */
    public Map<String, String> httpsProxyJvmProperties(int proxyPort) {
        Map<String, String> jvm = new LinkedHashMap<>();
        jvm.put("https.proxyHost", "127.0.0.1");
        jvm.put("https.proxyPort", Integer.toString(proxyPort));
        // No trustStorePassword: the trust store needs none, and a command line is no place for a secret.
        jvm.put("javax.net.ssl.trustStore", certificates.trustStore().toString());
        return jvm;
    }

    /** The trust the functions are given, as a PEM bundle for clients outside the JVM (Python's requests). */
    public Path caBundle() {
        return certificates.caBundle();
    }

    /** Calls {@code listener} with every gateway answer from now on, as it is sent. */
    public void onGatewayResponse(Consumer<GatewayResponse> listener) {
        responseListeners.add(listener);
    }

    /** Publishes an API's definition to its stage, as a deployment does. */
    public void publish(ApiDefinition api) {
        publishedApis.computeIfAbsent(api.apiId(), id -> new ConcurrentHashMap<>()).put(api.stage(), api);
    }

    /** What the stage of the API serves, or null when it was never deployed. */
    public ApiDefinition published(String apiId, String stage) {
        Map<String, ApiDefinition> stages = publishedApis.get(apiId);
        return stages == null ? null : stages.get(stage);
    }

    /** Sets a function's resource policy (its Lambda permissions), or removes it when null. */
    public void functionPolicy(String functionArn, Policy policy) {
        if (policy == null) {
            functionPolicies.remove(functionArn);
        } else {
            functionPolicies.put(functionArn, policy);
        }
    }

    /** Stands up (once) the gateway listener of an execute-api interface endpoint. */
    public synchronized EndpointListener endpoint(VpcEndpoint endpoint, boolean privateDns) throws IOException {
        EndpointListener existing = endpoints.get(endpoint.id());
        if (existing != null && existing.endpoint().equals(endpoint) && existing.privateDns() == privateDns) {
            return existing;
        }
        EndpointListener listener = new EndpointListener(endpoint, gateway.startEndpoint(endpoint), privateDns);
        endpoints.put(endpoint.id(), listener);
        return listener;
    }

    /** The listener stood up for an execute-api endpoint, if any. */
    public Optional<EndpointListener> listener(String endpointId) {
        return Optional.ofNullable(endpoints.get(endpointId));
    }

    /**
     * Where an API Gateway name leads from inside a VPC, as its DNS and routes would answer: the own names of an
     * endpoint of this VPC lead to it; the API's name leads to an endpoint of this VPC with private DNS on, or else to
     * API Gateway's public side, where a private API refuses the request. Another VPC's endpoints are out of reach.
     */
    private Optional<InetSocketAddress> resolveInVpc(String vpcId, String host) {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.endsWith(".vpce.amazonaws.com")) {
            return endpoints.values().stream().filter(e -> e.endpoint().vpcId().equals(vpcId))
                    .filter(e -> name.startsWith(e.endpoint().id() + "-")).findFirst().map(e -> address(e.url()));
        }
        if (name.endsWith(".execute-api." + region + ".amazonaws.com")) {
            return Optional.of(endpoints.values().stream().filter(e -> e.endpoint().vpcId().equals(vpcId))
                    .filter(EndpointListener::privateDns).findFirst()
                    .map(e -> address(e.url())).orElse(address(outsideUrl)));
        }
        return Optional.empty();
    }

    private static InetSocketAddress address(URI url) {
        return new InetSocketAddress(url.getHost(), url.getPort());
    }

    /** Gateway answers observed since the last call (at most the latest 64), oldest first. */
    public List<GatewayResponse> drainGatewayResponses() {
        return gatewayResponses.drain();
    }

    /**
     * A network path the security groups do not allow: an address that accepts connections and never answers them.
     * Each connection is recorded with the reason, for {@link #drainNetworkDenials}.
     */
    public synchronized URI unanswered(String source, String destination, String why, String scheme)
            throws IOException {
        String denial = source + " connected to " + destination + ", which does not answer: " + why;
        UnansweredListener listener = unanswered.get(denial);
        if (listener == null) {
            listener = new UnansweredListener(socket -> networkDenials.add(denial));
            resources.add(listener);
            unanswered.put(denial, listener);
        }
        return listener.url(scheme);
    }

    /** The id of DynamoDB's AWS-managed prefix list in this region, as deploy-all.sh looks it up. */
    public String dynamodbPrefixListId() {
        return dynamodbPrefixListId(region);
    }

    /** The rehearsal's id of DynamoDB's prefix list in {@code region}: the same for every run. */
    public static String dynamodbPrefixListId(String region) {
        return String.format("pl-%08x", ("com.amazonaws." + region + ".dynamodb").hashCode());
    }

    /** Connections that security groups left unanswered since the last call, with the missing rule. */
    public List<String> drainNetworkDenials() {
        List<String> seen = List.copyOf(networkDenials);
        networkDenials.clear();
        return seen;
    }

    /** Explanations of AssumeRole calls STS refused since the last call. */
    public List<String> drainStsDenials() {
        List<String> seen = List.copyOf(stsDenials);
        stsDenials.clear();
        return seen;
    }

    @Override
    public synchronized void close() {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                System.err.println("run-local.sh: while stopping " + resources.get(i).getClass().getSimpleName()
                        + ": " + e);
            }
        }
        resources.clear();
        if (Thread.currentThread() != closeOnExit) {
            try {
                Runtime.getRuntime().removeShutdownHook(closeOnExit);
            } catch (IllegalStateException shuttingDown) {
                // The hook runs anyway and finds nothing left to close.
            }
        }
    }
}
