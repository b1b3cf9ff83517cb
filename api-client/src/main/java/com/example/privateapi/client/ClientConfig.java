package com.example.privateapi.client;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The client functions' settings, parsed and validated once at init from the environment the templates set.
 *
 * @param apiHost           {@code API_HOST}: the API's name, {@code {api-id}.execute-api.{region}.amazonaws.com}
 * @param apiId             the API id (the first label of the API host)
 * @param apiPrefix         {@code API_PREFIX}: the stage path, e.g. {@code /Prod}
 * @param vpceDnsName       the endpoint's regional DNS name from {@code VPCE_DNS_NAMES}, or null when not given
 * @param timeout           {@code API_TIMEOUT} (seconds, default 10)
 * @param privateDnsEnabled {@code PRIVATE_DNS_ENABLED} ({@code True}/{@code False}, default True)
 * @param roleToAssume      {@code ROLE_TO_ASSUME}, or null
 * @param region            {@code AWS_REGION}
 * @param functionName      {@code AWS_LAMBDA_FUNCTION_NAME}, or null outside Lambda
 * @param stsEndpoint       where STS calls go: {@code AWS_ENDPOINT_URL_STS}, else {@code AWS_ENDPOINT_URL}, else the
 *                          regional endpoint, as the AWS SDKs resolve it (unless
 *                          {@code AWS_IGNORE_CONFIGURED_ENDPOINT_URLS} is true)
 * @param priming           {@code SNAPSTART_PRIMING} ({@code True}/{@code False}, default True): whether the
 *                          SnapStart checkpoint hook does the work of a first request before the snapshot
 */
public record ClientConfig(String apiHost, String apiId, String apiPrefix, String vpceDnsName, Duration timeout,
                           boolean privateDnsEnabled, String roleToAssume, String region, String functionName,
                           URI stsEndpoint, boolean priming) {

    private static final Pattern API_HOST = Pattern.compile("([a-z0-9]{10})\\.execute-api\\.([a-z0-9-]+)\\.amazonaws\\.com");
    private static final Pattern PREFIX = Pattern.compile("/[A-Za-z0-9_\\-/]*");
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]+");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");
    /** The regional name of an interface endpoint; per-AZ names carry the zone after the endpoint id. */
    private static final Pattern REGIONAL_VPCE_NAME =
            Pattern.compile("vpce-[0-9a-f]+-[0-9a-z]+\\.execute-api\\.[a-z0-9-]+\\.vpce\\.amazonaws\\.com");

    public static ClientConfig fromEnvironment(Map<String, String> env) {
        String region = required(env, "AWS_REGION", "a region such as us-east-1");
        if (!REGION.matcher(region).matches()) {
            throw new ConfigException("AWS_REGION must be a region such as us-east-1, got \"" + region + "\"");
        }
        String apiHost = required(env, "API_HOST", "the API's host name, {api-id}.execute-api.{region}.amazonaws.com "
                + "(the provider stack's APIGatewayFQDN output)").toLowerCase(Locale.ROOT);
        var host = API_HOST.matcher(apiHost);
        if (!host.matches()) {
            throw new ConfigException("API_HOST must be {api-id}.execute-api.{region}.amazonaws.com (the provider "
                    + "stack's APIGatewayFQDN output), got \"" + apiHost + "\"");
        }
        String prefix = env.getOrDefault("API_PREFIX", "").trim();
        if (prefix.endsWith("/") && prefix.length() > 1) {
            prefix = prefix.substring(0, prefix.length() - 1);
        }
        if (!PREFIX.matcher(prefix).matches()) {
            throw new ConfigException("API_PREFIX must be the stage path starting with '/', such as /Prod, got \""
                    + prefix + "\"");
        }
        boolean privateDns = bool(env, "PRIVATE_DNS_ENABLED", true);
        String vpceName = regionalEndpointName(env.get("VPCE_DNS_NAMES"));
        if (!privateDns && vpceName == null) {
            throw new ConfigException("VPCE_DNS_NAMES must list the execute-api endpoint's DNS names (the "
                    + "endpoint's DnsEntries, comma-separated, such as Z7HUB22UULQXV:vpce-0123abcd-4567efgh."
                    + "execute-api." + region + ".vpce.amazonaws.com) when PRIVATE_DNS_ENABLED is False; got \""
                    + env.getOrDefault("VPCE_DNS_NAMES", "") + "\"");
        }
        String role = env.get("ROLE_TO_ASSUME");
        if (role != null && (role.isBlank() || role.equalsIgnoreCase("None"))) {
            role = null;
        }
        if (role != null && !ROLE_ARN.matcher(role.trim()).matches()) {
            throw new ConfigException("ROLE_TO_ASSUME must be an IAM role ARN such as "
                    + "arn:aws:iam::222222222222:role/ApiAccessRole (the provider stack's APIAccessRole output), got \""
                    + role + "\"");
        }
        return new ClientConfig(apiHost, host.group(1), prefix, vpceName, timeout(env), privateDns,
                role == null ? null : role.trim(), region, env.get("AWS_LAMBDA_FUNCTION_NAME"),
                stsEndpoint(env, region), bool(env, "SNAPSTART_PRIMING", true));
    }

    /** The SDKs' order for a service's endpoint: the service's variable, the global one, then the regional name. */
    static URI stsEndpoint(Map<String, String> env, String region) {
        if (!"true".equalsIgnoreCase(env.getOrDefault("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "").trim())) {
            for (String name : new String[] {"AWS_ENDPOINT_URL_STS", "AWS_ENDPOINT_URL"}) {
                String value = env.get(name);
                if (value != null && !value.isBlank()) {
                    return endpointUrl(name, value.trim());
                }
            }
        }
        return URI.create("https://sts." + region + (region.startsWith("cn-") ? ".amazonaws.com.cn" : ".amazonaws.com"));
    }

    private static URI endpointUrl(String name, String value) {
        try {
            URI uri = new URI(value);
            if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (java.net.URISyntaxException malformed) {
            // Reported below with the expected form.
        }
        throw new ConfigException(name + " must be an http(s) URL such as https://sts.us-east-1.amazonaws.com, got \""
                + value + "\"");
    }

    /** The regional endpoint name among {@code HOSTEDZONE:name} entries, never a per-AZ one; null if none. */
    static String regionalEndpointName(String dnsNames) {
        if (dnsNames == null) {
            return null;
        }
        for (String entry : dnsNames.split(",")) {
            String name = entry.trim();
            int colon = name.indexOf(':');
            if (colon >= 0) {
                name = name.substring(colon + 1);
            }
            name = name.toLowerCase(Locale.ROOT);
            if (REGIONAL_VPCE_NAME.matcher(name).matches()) {
                return name;
            }
        }
        return null;
    }

    private static Duration timeout(Map<String, String> env) {
        String value = env.getOrDefault("API_TIMEOUT", "10").trim();
        try {
            long seconds = Long.parseLong(value);
            if (seconds >= 1 && seconds <= 900) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException notANumber) {
            // Reported below with the expected form.
        }
        throw new ConfigException("API_TIMEOUT must be a whole number of seconds from 1 to 900, got \"" + value + "\"");
    }

    private static boolean bool(Map<String, String> env, String name, boolean defaultValue) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ConfigException(name + " must be True or False, got \"" + value + "\"");
        };
    }

    private static String required(Map<String, String> env, String name, String expected) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new ConfigException(name + " must be set to " + expected);
        }
        return value.trim();
    }
}
