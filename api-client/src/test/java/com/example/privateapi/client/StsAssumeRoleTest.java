package com.example.privateapi.client;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** AssumeRole answers as STS writes them (STS API reference, AssumeRole: Response Elements, Errors). */
class StsAssumeRoleTest {

    static byte[] xml(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsTheCredentials() {
        AwsSessionCredentials credentials = StsAssumeRole.parse(200, xml("<AssumeRoleResponse xmlns=\"https://sts."
                + "amazonaws.com/doc/2011-06-15/\"><AssumeRoleResult><SourceIdentity>x</SourceIdentity>"
                + "<AssumedRoleUser><Arn>arn:aws:sts::123456789012:assumed-role/demo/s</Arn><AssumedRoleId>ARO123EXAMPLE"
                + ":s</AssumedRoleId></AssumedRoleUser><Credentials><SessionToken>AQoDYXdzEPT//////////wEXAMPLE"
                + "</SessionToken><SecretAccessKey>wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY</SecretAccessKey>"
                + "<Expiration>2019-11-09T13:34:41Z</Expiration><AccessKeyId>ASIAIOSFODNN7EXAMPLE</AccessKeyId>"
                + "</Credentials><PackedPolicySize>6</PackedPolicySize></AssumeRoleResult><ResponseMetadata>"
                + "<RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata>"
                + "</AssumeRoleResponse>"));
        assertEquals("ASIAIOSFODNN7EXAMPLE", credentials.accessKeyId());
        assertEquals("wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY", credentials.secretAccessKey());
        assertEquals("AQoDYXdzEPT//////////wEXAMPLE", credentials.sessionToken());
        assertEquals(Instant.parse("2019-11-09T13:34:41Z"), credentials.expirationTime().orElseThrow());
    }

    @Test
    void anErrorIsItsCodeAndMessage() {
        StsAssumeRole.StsFailure failure = assertThrows(StsAssumeRole.StsFailure.class, () -> StsAssumeRole.parse(403,
                xml("<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>Sender</Type>"
                        + "<Code>AccessDenied</Code><Message>User: a is not authorized to perform: sts:AssumeRole on "
                        + "resource: &quot;b&quot;</Message></Error><RequestId>r</RequestId></ErrorResponse>")));
        assertEquals("AccessDenied", failure.code());
        assertEquals(403, failure.status());
        assertEquals("AccessDenied: User: a is not authorized to perform: sts:AssumeRole on resource: \"b\"",
                failure.getMessage());
    }

    @Test
    void anAnswerThatIsNotStsXmlIsSaidPlainly() {
        StsAssumeRole.StsFailure notXml = assertThrows(StsAssumeRole.StsFailure.class,
                () -> StsAssumeRole.parse(200, xml("<html>proxy error")));
        assertTrue(notXml.getMessage().startsWith("MalformedResponse: the AssumeRole answer is not XML"),
                notXml.getMessage());
        StsAssumeRole.StsFailure incomplete = assertThrows(StsAssumeRole.StsFailure.class,
                () -> StsAssumeRole.parse(200, xml("<AssumeRoleResponse><AssumeRoleResult><Credentials><AccessKeyId>A"
                        + "</AccessKeyId></Credentials></AssumeRoleResult></AssumeRoleResponse>")));
        assertEquals("MalformedResponse: the AssumeRole answer has no SecretAccessKey", incomplete.getMessage());
        StsAssumeRole.StsFailure gateway = assertThrows(StsAssumeRole.StsFailure.class,
                () -> StsAssumeRole.parse(502, xml("Bad Gateway")));
        assertEquals("HTTP 502: Bad Gateway", gateway.getMessage());
    }

    @Test
    void externalEntitiesAreNotResolved() {
        StsAssumeRole.StsFailure failure = assertThrows(StsAssumeRole.StsFailure.class, () -> StsAssumeRole.parse(200,
                xml("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                        + "<AssumeRoleResponse><Credentials><AccessKeyId>&x;</AccessKeyId></Credentials>"
                        + "</AssumeRoleResponse>")));
        assertTrue(failure.getMessage().startsWith("MalformedResponse"), failure.getMessage());
        assertTrue(!failure.getMessage().contains("root:"), failure.getMessage());
    }
}
