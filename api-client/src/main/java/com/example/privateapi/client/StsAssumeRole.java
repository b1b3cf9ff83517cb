package com.example.privateapi.client;

import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * STS {@code AssumeRole} in STS's query protocol: a form POST signed by the SDK's SigV4 signer and sent by the SDK's
 * url-connection client, the XML answer read with the JDK's StAX parser. This is the one STS call the client makes;
 * the SDK's full STS client would add its request pipeline, endpoint rules and model classes (about 1,000 classes
 * more at a cold start) to do the same.
 */
final class StsAssumeRole {

    /** STS's own retry advice for the standard mode: three attempts for throttling, 5xx and lost connections. */
    static final int ATTEMPTS = 3;
    private static final Set<String> RETRYABLE_CODES = Set.of("Throttling", "ThrottlingException",
            "RequestLimitExceeded", "ServiceUnavailable", "InternalFailure", "IDPCommunicationError");
    private static final Set<String> FIELDS = Set.of("AccessKeyId", "SecretAccessKey", "SessionToken", "Expiration",
            "Code", "Message");

    private final SdkHttpClient http;
    private final RequestSigner signer;
    private final URI endpoint;
    private final byte[] body;

    StsAssumeRole(SdkHttpClient http, RequestSigner signer, URI endpoint, String roleArn, String sessionName,
                  int durationSeconds) {
        this.http = http;
        this.signer = signer;
        this.endpoint = endpoint.getPath() == null || endpoint.getPath().isEmpty() ? endpoint.resolve("/") : endpoint;
        this.body = ("Action=AssumeRole&Version=2011-06-15&RoleArn=" + form(roleArn) + "&RoleSessionName="
                + form(sessionName) + "&DurationSeconds=" + durationSeconds).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @param caller who asks (the function's own role)
     * @throws StsFailure      STS answered with an error
     * @throws UncheckedIOException STS could not be reached
     */
    AwsSessionCredentials assumeRole(AwsCredentialsIdentity caller) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call(caller);
            } catch (StsFailure e) {
                if (attempt == ATTEMPTS || !(e.status() >= 500 || RETRYABLE_CODES.contains(e.code()))) {
                    throw e;
                }
            } catch (IOException e) {
                if (attempt == ATTEMPTS) {
                    throw new UncheckedIOException(e);
                }
            }
            backOff(attempt);
        }
    }

    /** The request as it would be sent, signed: priming signs it with stand-in credentials and never sends it. */
    SdkHttpRequest signedRequest(AwsCredentialsIdentity caller) {
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(endpoint)
                .putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .putHeader("Content-Length", Integer.toString(body.length))
                .build();
        return signer.sign(request, ContentStreamProvider.fromByteArrayUnsafe(body), caller);
    }

    private AwsSessionCredentials call(AwsCredentialsIdentity caller) throws IOException {
        SdkHttpRequest signed = signedRequest(caller);
        HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder().request(signed)
                .contentStreamProvider(ContentStreamProvider.fromByteArrayUnsafe(body)).build()).call();
        byte[] answer;
        try (InputStream in = response.responseBody().orElse(null)) {
            answer = in == null ? new byte[0] : in.readAllBytes();
        }
        return parse(response.httpResponse().statusCode(), answer);
    }

    /** Reads an AssumeRole answer: the credentials on success, the error's code and message otherwise. */
    static AwsSessionCredentials parse(int status, byte[] xml) {
        Map<String, String> fields = fields(status, xml);
        if (status / 100 != 2) {
            throw new StsFailure(status, fields.getOrDefault("Code", "HTTP " + status),
                    fields.getOrDefault("Message", new String(xml, StandardCharsets.UTF_8).trim()));
        }
        for (String name : new String[] {"AccessKeyId", "SecretAccessKey", "SessionToken", "Expiration"}) {
            if (fields.get(name) == null || fields.get(name).isEmpty()) {
                throw new StsFailure(status, "MalformedResponse", "the AssumeRole answer has no " + name);
            }
        }
        try {
            return AwsSessionCredentials.builder().accessKeyId(fields.get("AccessKeyId"))
                    .secretAccessKey(fields.get("SecretAccessKey")).sessionToken(fields.get("SessionToken"))
                    .expirationTime(Instant.parse(fields.get("Expiration"))).providerName("StsAssumeRole").build();
        } catch (DateTimeParseException e) {
            throw new StsFailure(status, "MalformedResponse", "the AssumeRole answer's Expiration \""
                    + fields.get("Expiration") + "\" is not an ISO-8601 instant");
        }
    }

    private static Map<String, String> fields(int status, byte[] xml) {
        Map<String, String> fields = new HashMap<>();
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try {
            XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamReader.START_ELEMENT && FIELDS.contains(reader.getLocalName())) {
                    fields.putIfAbsent(reader.getLocalName(), reader.getElementText().trim());
                }
            }
            reader.close();
        } catch (XMLStreamException e) {
            if (status / 100 == 2) {
                throw new StsFailure(status, "MalformedResponse", "the AssumeRole answer is not XML: "
                        + e.getMessage());
            }
        }
        return fields;
    }

    private static void backOff(int attempt) {
        try {
            Thread.sleep(100L * attempt + java.util.concurrent.ThreadLocalRandom.current().nextLong(50));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StsFailure(0, "Interrupted", "interrupted while retrying AssumeRole");
        }
    }

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** An error answer from STS. */
    static final class StsFailure extends RuntimeException {
        private final int status;
        private final String code;

        StsFailure(int status, String code, String message) {
            super(code + ": " + message);
            this.status = status;
            this.code = code;
        }

        int status() {
            return status;
        }

        String code() {
            return code;
        }
    }
}
