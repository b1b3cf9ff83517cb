package com.example.privateapi.diagnose.check;

import com.example.privateapi.diagnose.model.ClientView;
import com.example.privateapi.diagnose.model.Deployment;
import com.example.privateapi.diagnose.model.FunctionView;
import com.example.privateapi.diagnose.model.Read;
import com.example.privateapi.diagnose.report.Line;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Each client's {@code API_HOST} and {@code API_PREFIX} name the provider's API and stage. */
public final class ApiTargetCheck implements Check {

    @Override
    public List<Line> check(Deployment d) {
        Read<String> host = Facts.providerOutput(d, "APIGatewayFQDN");
        Read<String> stage = Facts.providerOutput(d, "APIStageName");
        List<Line> lines = new ArrayList<>();
        for (ClientView client : d.consumer().clients()) {
            if (!client.deployed()) {
                continue;
            }
            String title = client.kind().label() + ": API_HOST and API_PREFIX";
            Optional<Read.Failed<?>> missing = Facts.firstFailure(client.function(), host, stage);
            if (missing.isPresent()) {
                lines.add(Facts.notChecked(title, missing.get()));
                continue;
            }
            FunctionView function = client.function().get().orElseThrow();
            String expectedHost = Facts.lower(host.get().orElseThrow());
            String expectedPrefix = "/" + stage.get().orElseThrow();
            String apiHost = Facts.lower(function.env("API_HOST"));
            String prefix = prefix(function.env("API_PREFIX"));
            List<String> wrong = new ArrayList<>();
            List<String> fixes = new ArrayList<>();
            if (!expectedHost.equals(apiHost)) {
                wrong.add("API_HOST is " + (apiHost == null ? "not set" : apiHost) + ", the provider's API is "
                        + expectedHost);
                fixes.add(Facts.setParameter(d.consumer().side(), d.consumer().stack(), "pAPIHost", expectedHost));
            }
            if (!expectedPrefix.equals(prefix)) {
                wrong.add("API_PREFIX is " + (prefix == null ? "not set" : prefix) + ", the provider's stage is "
                        + stage.get().orElseThrow());
                fixes.add(Facts.setParameter(d.consumer().side(), d.consumer().stack(), "pAPIPrefix",
                        expectedPrefix));
            }
            if (wrong.isEmpty()) {
                lines.add(Line.pass(title + " name the provider's API and stage: https://" + expectedHost
                        + expectedPrefix + "/"));
            } else {
                lines.add(Line.fail(client.kind().label() + ": " + String.join("; ", wrong),
                        fixes.toArray(String[]::new)));
            }
        }
        return lines;
    }

    /** As the client reads it: trimmed, without a trailing slash. */
    private static String prefix(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String prefix = value.trim();
        return prefix.length() > 1 && prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
    }
}
