package com.example.privateapi.benchmarks;

import com.example.privateapi.rehearsal.gateway.GatewayResponse;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.concurrent.TimeUnit;

/**
 * The gateway's own work for one signed GET that is allowed through: routing, the SigV4 check, the identity,
 * resource and endpoint policies, the integration's permission, the Lambda proxy event, the proxy response and the
 * access-log line. The function answers at once, so none of its time is counted. Target: at most 50 microseconds.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class GatewayBenchmark {

    private GatewayFixture fixture;
    private Blackhole accessLog;

    @Setup
    public void setUp(Blackhole blackhole) {
        accessLog = blackhole;
        fixture = new GatewayFixture(line -> accessLog.consume(line));
    }

    @Benchmark
    public GatewayResponse signedAllowedGet() {
        GatewayResponse response = fixture.pipeline.handle(fixture.request);
        if (response.status() != 200) {
            // A refusal is much cheaper than the whole path: never let one pass as a measurement.
            throw new IllegalStateException("the benchmark's request was answered " + response.status());
        }
        return response;
    }
}
