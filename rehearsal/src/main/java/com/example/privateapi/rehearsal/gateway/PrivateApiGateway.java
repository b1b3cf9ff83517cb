package com.example.privateapi.rehearsal.gateway;

import com.example.privateapi.rehearsal.http.HttpLimits;
import com.example.privateapi.rehearsal.http.HttpListener;
import com.example.privateapi.rehearsal.http.HttpRequest;
import com.example.privateapi.rehearsal.http.HttpResponse;
import com.example.privateapi.rehearsal.http.ProtocolError;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The rehearsal's stand-in for API Gateway's private endpoints, on loopback: one HTTP listener per interface VPC
 * endpoint (requests through it carry that endpoint's id and VPC) and one that stands for no endpoint at all, with
 * API Gateway's limits ({@link HttpLimits#apiGateway()}). A rehearsal tool, never a production gateway.
 */
public final class PrivateApiGateway implements AutoCloseable {

    private final GatewayPipeline pipeline;
    private final HttpLimits limits;
    private final Consumer<String> faults;
    private final List<HttpListener> listeners = new ArrayList<>();

    public PrivateApiGateway(GatewayPipeline pipeline) {
        this(pipeline, HttpLimits.apiGateway(), System.err::println);
    }

    /** @param faults where a fault of the rehearsal itself is reported (the caller gets a 500) */
    public PrivateApiGateway(GatewayPipeline pipeline, HttpLimits limits, Consumer<String> faults) {
        this.pipeline = pipeline;
        this.limits = limits;
        this.faults = faults;
    }

    /** Starts the listener standing for {@code endpoint}; returns its base URL. */
    public synchronized URI startEndpoint(VpcEndpoint endpoint) throws IOException {
        return start(endpoint);
    }

    /** Starts a listener that is no VPC endpoint: a private API must refuse what arrives here. */
    public synchronized URI startOutsideListener() throws IOException {
        return start(null);
    }

    private URI start(VpcEndpoint endpoint) throws IOException {
        HttpListener listener = HttpListener.start(endpoint == null ? "gateway-outside" : "gateway-" + endpoint.id(),
                limits, request -> serve(request, endpoint), this::reject, faults);
        listeners.add(listener);
        return listener.url();
    }

    private HttpResponse serve(HttpRequest request, VpcEndpoint endpoint) {
        GatewayResponse response = pipeline.handle(new GatewayRequest(request.method(), request.rawPath(),
                request.rawQuery(), request.headers(), request.body(), request.peer(), endpoint));
        return new HttpResponse(response.status(), response.headers(), response.body());
    }

    private HttpResponse reject(ProtocolError error) {
        // A payload over the limit gets API Gateway's own answer and response type; the rest are the listener's.
        boolean tooLarge = error == ProtocolError.BODY_TOO_LARGE;
        GatewayResponse response = pipeline.reject(error.status(),
                tooLarge ? GatewayError.requestTooLong().message() : error.message(),
                tooLarge ? "REQUEST_TOO_LARGE" : null);
        return new HttpResponse(response.status(), response.headers(), response.body());
    }

    @Override
    public synchronized void close() {
        listeners.forEach(HttpListener::close);
        listeners.clear();
    }
}
