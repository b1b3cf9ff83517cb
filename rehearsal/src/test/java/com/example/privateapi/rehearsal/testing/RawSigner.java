package com.example.privateapi.rehearsal.testing;

import com.example.privateapi.rehearsal.identity.Credentials;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Signs a request with the AWS SDK's SigV4 signer and returns its header fields, for writing it raw. */
public final class RawSigner {

    private RawSigner() {
    }

    /**
     * @param url     scheme, host and port as the server is reached, path and query as they are signed
     * @param headers extra header fields to sign
     * @return every header field of the signed request, Host included
     */
    public static Map<String, List<String>> sign(String method, URI url, Map<String, String> headers, byte[] body,
                                                 Credentials credentials, String service, String region,
                                                 Instant at) {
        SdkHttpRequest.Builder request = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method)).uri(url);
        headers.forEach(request::putHeader);
        AwsCredentialsIdentity identity = credentials.sessionToken() == null
                ? AwsCredentialsIdentity.create(credentials.accessKeyId(), credentials.secretAccessKey())
                : AwsSessionCredentialsIdentity.create(credentials.accessKeyId(), credentials.secretAccessKey(),
                credentials.sessionToken());
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r.identity(identity).request(request.build())
                .payload(body.length == 0 ? null : ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC))).request();
        Map<String, List<String>> fields = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        fields.putAll(signed.headers());
        fields.putIfAbsent("Host", List.of(url.getHost() + (url.getPort() > 0 ? ":" + url.getPort() : "")));
        return fields;
    }
}
