package com.example.privateapi.rehearsal.sts;

import com.example.privateapi.rehearsal.identity.Credentials;

import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** STS's XML answers and errors, as STS writes them. */
final class StsXml {

    static final String NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";

    private StsXml() {
    }

    static String assumeRole(Credentials credentials, String requestId) {
        return "<AssumeRoleResponse xmlns=\"" + NAMESPACE + "\">\n"
                + "  <AssumeRoleResult>\n"
                + "    <AssumedRoleUser>\n"
                + "      <AssumedRoleId>" + escape(credentials.principal().userId()) + "</AssumedRoleId>\n"
                + "      <Arn>" + escape(credentials.principal().arn()) + "</Arn>\n"
                + "    </AssumedRoleUser>\n"
                + "    <Credentials>\n"
                + "      <AccessKeyId>" + credentials.accessKeyId() + "</AccessKeyId>\n"
                + "      <SecretAccessKey>" + escape(credentials.secretAccessKey()) + "</SecretAccessKey>\n"
                + "      <SessionToken>" + escape(credentials.sessionToken()) + "</SessionToken>\n"
                + "      <Expiration>" + DateTimeFormatter.ISO_INSTANT.format(
                        credentials.expiration().truncatedTo(ChronoUnit.SECONDS)) + "</Expiration>\n"
                + "    </Credentials>\n"
                + "  </AssumeRoleResult>\n"
                + metadata(requestId)
                + "</AssumeRoleResponse>\n";
    }

    static String getCallerIdentity(Credentials credentials, String requestId) {
        return "<GetCallerIdentityResponse xmlns=\"" + NAMESPACE + "\">\n"
                + "  <GetCallerIdentityResult>\n"
                + "    <Arn>" + escape(credentials.principal().arn()) + "</Arn>\n"
                + "    <UserId>" + escape(credentials.principal().userId()) + "</UserId>\n"
                + "    <Account>" + credentials.principal().accountId() + "</Account>\n"
                + "  </GetCallerIdentityResult>\n"
                + metadata(requestId)
                + "</GetCallerIdentityResponse>\n";
    }

    static String error(String code, String message, String requestId) {
        return error(code.equals("InternalFailure") || code.equals("ServiceUnavailable") ? "Receiver" : "Sender",
                code, message, requestId);
    }

    /** @param type {@code Sender} for the caller's mistakes, {@code Receiver} for STS's own failures */
    static String error(String type, String code, String message, String requestId) {
        return "<ErrorResponse xmlns=\"" + NAMESPACE + "\">\n"
                + "  <Error>\n"
                + "    <Type>" + type + "</Type>\n"
                + "    <Code>" + escape(code) + "</Code>\n"
                + "    <Message>" + escape(message) + "</Message>\n"
                + "  </Error>\n"
                + "  <RequestId>" + requestId + "</RequestId>\n"
                + "</ErrorResponse>\n";
    }

    private static String metadata(String requestId) {
        return "  <ResponseMetadata>\n    <RequestId>" + requestId + "</RequestId>\n  </ResponseMetadata>\n";
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&apos;");
    }
}
