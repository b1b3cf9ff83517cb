package com.example.privateapi.diagnose.check;

import com.example.privateapi.diagnose.model.ClientView;
import com.example.privateapi.diagnose.model.Deployment;
import com.example.privateapi.diagnose.model.EndpointView;
import com.example.privateapi.diagnose.model.FunctionView;
import com.example.privateapi.diagnose.model.Read;
import com.example.privateapi.diagnose.report.Line;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Each client's {@code PRIVATE_DNS_ENABLED} agrees with the endpoint: with True the client calls {@code API_HOST},
 * which resolves to the endpoint only when its private DNS is on; with False it calls the endpoint's regional name
 * from {@code VPCE_DNS_NAMES}, which must be a name of this endpoint.
 */
public final class PrivateDnsCheck implements Check {

    /** The regional name of an interface endpoint, as the client picks it; per-AZ names carry the zone. */
    private static final Pattern REGIONAL_NAME =
            Pattern.compile("vpce-[0-9a-f]+-[0-9a-z]+\\.execute-api\\.[a-z0-9-]+\\.vpce\\.amazonaws\\.com");

    @Override
    public List<Line> check(Deployment d) {
        List<Line> lines = new ArrayList<>();
        for (ClientView client : d.consumer().clients()) {
            if (!client.deployed()) {
                continue;
            }
            String title = client.kind().label() + ": private DNS";
            Optional<Read.Failed<?>> missing = Facts.firstFailure(client.function(), d.consumer().endpoint());
            if (missing.isPresent()) {
                lines.add(Facts.notChecked(title, missing.get()));
                continue;
            }
            lines.add(check(d, client.kind().label(), client.function().get().orElseThrow(),
                    d.consumer().endpoint().get().orElseThrow()));
        }
        return lines;
    }

    private static Line check(Deployment d, String label, FunctionView function, EndpointView endpoint) {
        String setting = function.env("PRIVATE_DNS_ENABLED");
        String value = setting == null || setting.isBlank() ? "true" : setting.trim().toLowerCase(Locale.ROOT);
        if (value.equals("true")) {
            if (endpoint.privateDns()) {
                return Line.pass(label + ": PRIVATE_DNS_ENABLED is True and endpoint " + endpoint.id()
                        + " has private DNS on: API_HOST resolves to the endpoint inside the VPC");
            }
            return Line.fail(label + ": PRIVATE_DNS_ENABLED is True but endpoint " + endpoint.id()
                            + " has private DNS off: API_HOST does not resolve to the endpoint inside the VPC",
                    Facts.setParameter(d.consumer().side(), d.consumer().stack(), "pEnablePrivateDNS", "True")
                            + " (it turns private DNS on and tells the clients)");
        }
        if (!value.equals("false")) {
            return Line.fail(label + ": PRIVATE_DNS_ENABLED is " + setting + ", not True or False: the function "
                            + "fails at init",
                    Facts.setParameter(d.consumer().side(), d.consumer().stack(), "pEnablePrivateDNS", "True"));
        }
        String names = function.env("VPCE_DNS_NAMES");
        String regional = regionalName(names);
        String fix = "fix: update the consumer stack " + d.consumer().side().stack() + " (VPCE_DNS_NAMES comes "
                + "from the endpoint's DnsEntries), or set pEnablePrivateDNS=True on it";
        if (regional == null) {
            return Line.fail(label + ": PRIVATE_DNS_ENABLED is False but VPCE_DNS_NAMES (" + names + ") has no "
                    + "regional endpoint name: the function fails at init", fix);
        }
        if (!regional.startsWith(endpoint.id() + "-") || endpoint.dnsNames().stream()
                .noneMatch(n -> n.equalsIgnoreCase(regional))) {
            return Line.fail(label + ": VPCE_DNS_NAMES gives " + regional + ", which is not a name of endpoint "
                    + endpoint.id() + " (" + String.join(", ", endpoint.dnsNames()) + ")", fix);
        }
        return Line.pass(label + ": PRIVATE_DNS_ENABLED is False and VPCE_DNS_NAMES gives " + regional
                + ", the regional name of endpoint " + endpoint.id());
    }

    /** The regional endpoint name among {@code HOSTEDZONE:name} entries, as the client picks it; null if none. */
    static String regionalName(String names) {
        if (names == null) {
            return null;
        }
        for (String entry : names.split(",")) {
            String name = entry.trim();
            int colon = name.indexOf(':');
            if (colon >= 0) {
                name = name.substring(colon + 1);
            }
            name = name.toLowerCase(Locale.ROOT);
            if (REGIONAL_NAME.matcher(name).matches()) {
                return name;
            }
        }
        return null;
    }
}
