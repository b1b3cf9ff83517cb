package com.example.privateapi.rehearsal.sts;

import com.example.privateapi.rehearsal.http.UrlEncoded;
import com.example.privateapi.iam.Decision;
import com.example.privateapi.iam.ParsedRequest;
import com.example.privateapi.iam.PolicyEvaluator;
import com.example.privateapi.rehearsal.identity.Credentials;
import com.example.privateapi.rehearsal.identity.IdentityStore;
import com.example.privateapi.rehearsal.identity.Role;
import com.example.privateapi.rehearsal.sigv4.SigV4Verifier;
import com.example.privateapi.rehearsal.sigv4.SignedRequest;
import com.example.privateapi.rehearsal.sigv4.VerificationResult;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * STS on loopback, speaking its query protocol (form-encoded requests, XML answers and errors) so that the
 * unmodified SDK and the aws CLI work against it: {@code GetCallerIdentity}, and {@code AssumeRole} with the role's
 * trust policy and the caller's identity policies enforced (the trust policy must allow the caller even within its
 * account; a caller from another account needs both).
 */
public final class StsServer implements AutoCloseable {

    static final Duration DEFAULT_DURATION = Duration.ofHours(1);
    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]*");
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[\\w-]*:iam::\\d{12}:role/[\\w+=,.@/-]+");

    private final IdentityStore identities;
    private final SigV4Verifier verifier;
    private final PolicyEvaluator evaluator;
    private final String region;
    private final Consumer<String> denials;
    private final ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "sts");
        t.setDaemon(true);
        return t;
    });
    private HttpServer server;

    public StsServer(IdentityStore identities, SigV4Verifier verifier, PolicyEvaluator evaluator, String region) {
        this(identities, verifier, evaluator, region, System.err::println);
    }

    /** @param denials where the explanation of each refused AssumeRole goes */
    public StsServer(IdentityStore identities, SigV4Verifier verifier, PolicyEvaluator evaluator, String region,
                     Consumer<String> denials) {
        this.identities = identities;
        this.verifier = verifier;
        this.evaluator = evaluator;
        this.region = region;
        this.denials = denials;
    }

    /** Listens on a free loopback port; returns the endpoint URL. */
    public synchronized URI start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 32);
        server.createContext("/", this::serve);
        server.setExecutor(executor);
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void serve(HttpExchange exchange) throws IOException {
        String requestId = UUID.randomUUID().toString();
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Answer answer = answer(exchange, body, requestId);
            byte[] xml = answer.xml().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().put("Content-Type", List.of("text/xml"));
            exchange.getResponseHeaders().put("x-amzn-RequestId", List.of(requestId));
            exchange.sendResponseHeaders(answer.status(), xml.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(xml);
            }
        } catch (RuntimeException e) {
            byte[] xml = StsXml.error("InternalFailure", "The rehearsal's STS failed: " + e, requestId)
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(500, xml.length);
            exchange.getResponseBody().write(xml);
        } finally {
            exchange.close();
        }
    }

    private record Answer(int status, String xml) {
    }

    private Answer answer(HttpExchange exchange, byte[] body, String requestId) {
        Map<String, String> params = form(exchange.getRequestURI().getRawQuery());
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (body.length > 0 && (contentType == null || contentType.contains("x-www-form-urlencoded"))) {
            params.putAll(form(new String(body, StandardCharsets.UTF_8)));
        }
        VerificationResult verified = verifier.verify(new SignedRequest(exchange.getRequestMethod(),
                exchange.getRequestURI().getRawPath(), exchange.getRequestURI().getRawQuery(),
                exchange.getRequestHeaders(), body), "sts", region);
        if (verified instanceof VerificationResult.Rejected rejected) {
            return error(new StsError(403, rejected.reason().stsCode(), rejected.message()), requestId);
        }
        Credentials caller = ((VerificationResult.Verified) verified).credentials();
        String action = params.getOrDefault("Action", "");
        return switch (action) {
            case "GetCallerIdentity" -> new Answer(200, StsXml.getCallerIdentity(caller, requestId));
            case "AssumeRole" -> assumeRole(caller, params, requestId);
            default -> error(new StsError(400, "InvalidAction", "Could not find operation " + action
                    + " for version 2011-06-15"), requestId);
        };
    }

    private Answer assumeRole(Credentials caller, Map<String, String> params, String requestId) {
        Optional<StsError> invalid = validate(params);
        if (invalid.isPresent()) {
            return error(invalid.get(), requestId);
        }
        String roleArn = params.get("RoleArn");
        Duration duration = params.containsKey("DurationSeconds")
                ? Duration.ofSeconds(Long.parseLong(params.get("DurationSeconds"))) : DEFAULT_DURATION;
        Optional<Role> found = identities.role(roleArn);
        if (found.isEmpty()) {
            denials.accept("sts:AssumeRole " + requestId + " denied: role " + roleArn + " does not exist");
            return error(StsError.accessDenied(caller.principal().arn(), roleArn), requestId);
        }
        Role role = found.get();
        // The trust policy must allow the caller itself, even within one account: ParsedRequest.assumesRole().
        Decision decision = evaluator.evaluate(new ParsedRequest(caller.principal(), "sts:AssumeRole",
                roleArn, role.accountId(), Map.of("aws:RequestedRegion", List.of(region)),
                identities.identityPolicies(caller.principal()), role.trustPolicy(), null));
        if (!decision.allowed()) {
            denials.accept("sts:AssumeRole " + requestId + " denied (" + decision.outcome().label() + "): "
                    + decision.reason());
            return error(StsError.accessDenied(caller.principal().arn(), roleArn), requestId);
        }
        if (duration.compareTo(role.maxSessionDuration()) > 0) {
            return error(StsError.validation("The requested DurationSeconds exceeds the MaxSessionDuration set for "
                    + "this role."), requestId);
        }
        Credentials credentials = identities.startRoleSession(role, params.get("RoleSessionName"), duration);
        return new Answer(200, StsXml.assumeRole(credentials, requestId));
    }

    /** The request's own checks, before any policy is read. */
    private static Optional<StsError> validate(Map<String, String> params) {
        String roleArn = params.get("RoleArn");
        String session = params.get("RoleSessionName");
        if (roleArn == null) {
            return Optional.of(StsError.validation("1 validation error detected: Value null at 'roleArn' failed to "
                    + "satisfy constraint: Member must not be null"));
        }
        if (session == null) {
            return Optional.of(StsError.validation("1 validation error detected: Value null at 'roleSessionName' "
                    + "failed to satisfy constraint: Member must not be null"));
        }
        if (!SESSION_NAME.matcher(session).matches() || session.length() < 2 || session.length() > 64) {
            return Optional.of(StsError.validation("1 validation error detected: Value '" + session + "' at "
                    + "'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression "
                    + "pattern: [\\w+=,.@-]* and have length between 2 and 64"));
        }
        if (!ROLE_ARN.matcher(roleArn).matches()) {
            return Optional.of(StsError.validation(roleArn + " is invalid"));
        }
        if (params.containsKey("DurationSeconds")) {
            long seconds;
            try {
                seconds = Long.parseLong(params.get("DurationSeconds"));
            } catch (NumberFormatException e) {
                return Optional.of(StsError.validation("1 validation error detected: Value '"
                        + params.get("DurationSeconds") + "' at 'durationSeconds' failed to satisfy constraint: "
                        + "Member must be a number"));
            }
            if (seconds < 900) {
                return Optional.of(StsError.validation("1 validation error detected: Value '" + seconds + "' at "
                        + "'durationSeconds' failed to satisfy constraint: Member must have value greater than or "
                        + "equal to 900"));
            }
            if (seconds > 43200) {
                return Optional.of(StsError.validation("1 validation error detected: Value '" + seconds + "' at "
                        + "'durationSeconds' failed to satisfy constraint: Member must have value less than or "
                        + "equal to 43200"));
            }
        }
        return Optional.empty();
    }

    private static Answer error(StsError error, String requestId) {
        return new Answer(error.status(), StsXml.error(error.code(), error.message(), requestId));
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> params = new HashMap<>();
        UrlEncoded.parse(encoded, true).forEach(p -> params.put(p.name(), p.value()));
        return params;
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
        executor.shutdownNow();
    }
}
