package com.example.privateapi.rehearsal.sigv4;

import java.util.List;

/**
 * What a request says about its own signature, from the Authorization header or the presigned query.
 *
 * @param accessKeyId    the key id of the Credential
 * @param scopeDate      the date of the credential scope (yyyyMMdd)
 * @param scopeRegion    the region of the credential scope
 * @param scopeService   the service of the credential scope
 * @param scopeTerminal  the scope's last part, {@code aws4_request} when well formed
 * @param signedHeaders  lower-case names, as listed
 * @param signature      hex signature
 * @param amzDate        the request time (yyyyMMdd'T'HHmmss'Z')
 * @param sessionToken   the session token sent, or null
 * @param presigned      whether the parameters came from the query string
 * @param expiresSeconds X-Amz-Expires of a presigned request (0 to 604800), or null when the request has none
 */
record SigningParameters(String accessKeyId, String scopeDate, String scopeRegion, String scopeService,
                         String scopeTerminal, List<String> signedHeaders, String signature, String amzDate,
                         String sessionToken, boolean presigned, Long expiresSeconds) {

    String scope() {
        return scopeDate + "/" + scopeRegion + "/" + scopeService + "/" + scopeTerminal;
    }
}
