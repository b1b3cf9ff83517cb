package com.example.privateapi.client;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientConfigTest {

    static final String DNS_NAMES = "Z7HUB22UULQXV:vpce-0a1b2c3d4e5f60718-abcd1234.execute-api.us-east-1.vpce.amazonaws.com,"
            + "Z7HUB22UULQXV:vpce-0a1b2c3d4e5f60718-abcd1234-us-east-1a.execute-api.us-east-1.vpce.amazonaws.com,"
            + "Z1K56Z6FNPJRR:abc123defg.execute-api.us-east-1.amazonaws.com";

    static Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_REGION", "us-east-1");
        env.put("API_HOST", "abc123defg.execute-api.us-east-1.amazonaws.com");
        env.put("API_PREFIX", "/Prod");
        env.put("VPCE_DNS_NAMES", DNS_NAMES);
        env.put("API_TIMEOUT", "7");
        env.put("PRIVATE_DNS_ENABLED", "True");
        env.put("ROLE_TO_ASSUME", "arn:aws:iam::222222222222:role/private-api-backend-APIAccessRole-X1");
        env.put("AWS_LAMBDA_FUNCTION_NAME", "private-api-client-AssumeRoleClient");
        return env;
    }

    @Test
    void parsesEveryVariable() {
        ClientConfig config = ClientConfig.fromEnvironment(env());
        assertEquals("abc123defg", config.apiId());
        assertEquals("/Prod", config.apiPrefix());
        assertEquals(Duration.ofSeconds(7), config.timeout());
        assertTrue(config.privateDnsEnabled());
        assertEquals("vpce-0a1b2c3d4e5f60718-abcd1234.execute-api.us-east-1.vpce.amazonaws.com", config.vpceDnsName());
        assertEquals("arn:aws:iam::222222222222:role/private-api-backend-APIAccessRole-X1", config.roleToAssume());
    }

    @Test
    void defaultsApplyWhenOptionalVariablesAreAbsent() {
        Map<String, String> env = env();
        env.remove("API_TIMEOUT");
        env.remove("PRIVATE_DNS_ENABLED");
        env.put("ROLE_TO_ASSUME", "None");
        ClientConfig config = ClientConfig.fromEnvironment(env);
        assertEquals(Duration.ofSeconds(10), config.timeout());
        assertTrue(config.privateDnsEnabled());
        assertNull(config.roleToAssume());
    }

    @Test
    void theRegionalEndpointNameIsChosenNeverAPerZoneOne() {
        assertEquals("vpce-0a1b2c3d4e5f60718-abcd1234.execute-api.us-east-1.vpce.amazonaws.com",
                ClientConfig.regionalEndpointName("vpce-0a1b2c3d4e5f60718-abcd1234-us-east-1a.execute-api.us-east-1."
                        + "vpce.amazonaws.com, vpce-0a1b2c3d4e5f60718-abcd1234.execute-api.us-east-1.vpce.amazonaws.com"));
        assertNull(ClientConfig.regionalEndpointName("vpce-0a1b2c3d4e5f60718-abcd1234-us-east-1a.execute-api."
                + "us-east-1.vpce.amazonaws.com"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "API_HOST|example.com|API_HOST must be {api-id}.execute-api.{region}.amazonaws.com",
        "API_HOST||API_HOST must be set",
        "API_PREFIX|Prod|API_PREFIX must be the stage path starting with '/'",
        "API_TIMEOUT|ten|API_TIMEOUT must be a whole number of seconds from 1 to 900, got \"ten\"",
        "API_TIMEOUT|0|API_TIMEOUT must be a whole number of seconds",
        "PRIVATE_DNS_ENABLED|yes|PRIVATE_DNS_ENABLED must be True or False, got \"yes\"",
        "ROLE_TO_ASSUME|my-role|ROLE_TO_ASSUME must be an IAM role ARN",
        "AWS_REGION|nowhere|AWS_REGION must be a region such as us-east-1",
        "AWS_ENDPOINT_URL_STS|sts.example|AWS_ENDPOINT_URL_STS must be an http(s) URL",
        "SNAPSTART_PRIMING|on|SNAPSTART_PRIMING must be True or False, got \"on\"",
    })
    void aBadValueNamesTheVariableAndTheExpectedForm(String name, String value, String message) {
        Map<String, String> env = env();
        if (value == null) {
            env.remove(name);
        } else {
            env.put(name, value);
        }
        ConfigException e = assertThrows(ConfigException.class, () -> ClientConfig.fromEnvironment(env));
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }

    @Test
    void stsIsWhereTheSdksWouldSendIt() {
        Map<String, String> env = env();
        assertEquals(URI.create("https://sts.us-east-1.amazonaws.com"), ClientConfig.fromEnvironment(env).stsEndpoint());
        env.put("AWS_ENDPOINT_URL", "https://all.example");
        assertEquals(URI.create("https://all.example"), ClientConfig.fromEnvironment(env).stsEndpoint());
        env.put("AWS_ENDPOINT_URL_STS", "http://127.0.0.1:4566");
        assertEquals(URI.create("http://127.0.0.1:4566"), ClientConfig.fromEnvironment(env).stsEndpoint());
        env.put("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true");
        assertEquals(URI.create("https://sts.us-east-1.amazonaws.com"), ClientConfig.fromEnvironment(env).stsEndpoint());
        env.put("AWS_REGION", "cn-north-1");
        env.put("API_HOST", "abc123defg.execute-api.cn-north-1.amazonaws.com");
        assertEquals(URI.create("https://sts.cn-north-1.amazonaws.com.cn"),
                ClientConfig.fromEnvironment(env).stsEndpoint());
    }

    @Test
    void primingIsOnUnlessTurnedOff() {
        Map<String, String> env = env();
        assertTrue(ClientConfig.fromEnvironment(env).priming());
        env.put("SNAPSTART_PRIMING", "False");
        assertFalse(ClientConfig.fromEnvironment(env).priming());
    }

    @Test
    void privateDnsOffNeedsAnEndpointName() {
        Map<String, String> env = env();
        env.put("PRIVATE_DNS_ENABLED", "False");
        env.put("VPCE_DNS_NAMES", "");
        ConfigException e = assertThrows(ConfigException.class, () -> ClientConfig.fromEnvironment(env));
        assertTrue(e.getMessage().startsWith("VPCE_DNS_NAMES must list"), e.getMessage());
    }

    @Test
    void targetUsesTheApiNameWithPrivateDnsAndTheEndpointNameWithout() {
        ApiTarget on = ApiTarget.of(ClientConfig.fromEnvironment(env()));
        assertEquals(URI.create("https://abc123defg.execute-api.us-east-1.amazonaws.com/Prod/"), on.url());
        assertTrue(on.headers().isEmpty());

        Map<String, String> env = env();
        env.put("PRIVATE_DNS_ENABLED", "false");
        ApiTarget off = ApiTarget.of(ClientConfig.fromEnvironment(env));
        assertEquals(URI.create("https://vpce-0a1b2c3d4e5f60718-abcd1234.execute-api.us-east-1.vpce.amazonaws.com/Prod/"),
                off.url());
        assertEquals(Map.of("x-apigw-api-id", "abc123defg"), off.headers());
        assertFalse(off.url().getHost().contains("us-east-1a"));
    }
}
