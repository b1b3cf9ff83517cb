package com.example.privateapi.rehearsal.gateway;

import com.example.privateapi.rehearsal.http.UrlEncoded;
import com.example.privateapi.rehearsal.sigv4.SigV4Verifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A request's path as the gateway routes and authorizes it: the path its signature covers
 * ({@link SigV4Verifier#normalizedPath}, dot and empty segments removed), split into segments, each then
 * percent-decoded. A request signed for {@code /Prod/} and sent as {@code /Prod/requests/../} is routed, authorized
 * and verified as {@code /Prod/}: never as one path for the signature and another for the route.
 *
 * @param stage    the first segment
 * @param segments the decoded segments after the stage
 */
record RequestPath(String stage, List<String> segments) {

    RequestPath {
        segments = List.copyOf(segments);
    }

    /** Empty when the path has no stage segment or a malformed percent-escape. */
    static Optional<RequestPath> of(String rawPath) {
        String normalized = SigV4Verifier.normalizedPath(rawPath);
        List<String> decoded = new ArrayList<>();
        try {
            for (String segment : normalized.split("/")) {
                if (!segment.isEmpty()) {
                    decoded.add(UrlEncoded.decode(segment, false));
                }
            }
        } catch (IllegalArgumentException malformedEscape) {
            return Optional.empty();
        }
        if (decoded.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RequestPath(decoded.get(0), decoded.subList(1, decoded.size())));
    }

    /** The path without the stage, as the Lambda event's {@code path} and the method ARN have it. */
    String withoutStage() {
        return "/" + String.join("/", segments);
    }
}
