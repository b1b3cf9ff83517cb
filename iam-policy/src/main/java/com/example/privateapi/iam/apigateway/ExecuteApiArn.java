package com.example.privateapi.iam.apigateway;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ARN of an API method, {@code arn:PARTITION:execute-api:REGION:ACCOUNT:API_ID/STAGE/METHOD/PATH}, as API
 * Gateway authorizes requests against it ("Control access for invoking an API", execute-api resource format).
 *
 * @param partition {@code aws}, {@code aws-cn} or {@code aws-us-gov}
 * @param region    the API's region
 * @param account   the account that owns the API
 * @param apiId     the REST API id
 * @param rest      what follows {@code API_ID/}: {@code STAGE/METHOD/PATH} (may hold wildcards in a policy)
 */
public record ExecuteApiArn(String partition, String region, String account, String apiId, String rest) {

    private static final Pattern ARN = Pattern.compile(
            "arn:(aws[\\w-]*):execute-api:([a-z0-9-]+):(\\d{12}):([A-Za-z0-9]+)/(.*)");

    /** The ARN of a request's method, for a request path such as {@code /a/b} after the stage. */
    public static String of(String region, String account, String apiId, String stage, String method, String path) {
        String resource = path.startsWith("/") ? path.substring(1) : path;
        return new ExecuteApiArn(partition(region), region, account, apiId, stage + "/" + method + "/" + resource)
                .toString();
    }

    /** The API an execute-api ARN names, or empty when the text is not one. */
    public static Optional<ExecuteApiArn> parse(String arn) {
        Matcher m = ARN.matcher(arn);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new ExecuteApiArn(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5)));
    }

    /** The partition of a region: China and GovCloud regions have their own. */
    public static String partition(String region) {
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        return region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
    }

    /** {@code arn:PARTITION:execute-api:REGION:ACCOUNT:API_ID/}, the prefix the shorthand expands to. */
    public String apiPrefix() {
        return "arn:" + partition + ":execute-api:" + region + ":" + account + ":" + apiId + "/";
    }

    @Override
    public String toString() {
        return apiPrefix() + rest;
    }
}
