package com.example.privateapi.iam;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One row per condition operator case, expected decisions written from "IAM JSON policy elements: Condition
 * operators" and "Single-valued vs. multivalued context keys" in the IAM User Guide. Each row evaluates a
 * same-account identity policy "Allow s3:GetObject if CONDITION", so Allow means the condition held.
 * Context values are separated by '|'; an empty context cell means the key is absent from the request.
 */
class ConditionOperatorsTest {

    static final Principal ALICE = new Principal("arn:aws:iam::111111111111:user/alice", "111111111111",
            "AIDAALICE", null);

    @ParameterizedTest(name = "{0} {1} {2} against [{3}] -> {4}")
    @CsvSource(delimiter = ';', nullValues = "NULL", value = {
        // String operators: case-sensitive equality, wildcards only in the Like forms.
        "StringEquals; aws:SourceVpce; [\"vpce-1\"]; vpce-1; Allow",
        "StringEquals; aws:SourceVpce; [\"vpce-1\"]; VPCE-1; ImplicitDeny",
        "StringEquals; aws:SourceVpce; [\"vpce-*\"]; vpce-1; ImplicitDeny",
        "StringEquals; aws:SourceVpce; [\"vpce-1\"]; ; ImplicitDeny",
        "StringNotEquals; aws:SourceVpce; [\"vpce-1\"]; vpce-2; Allow",
        "StringNotEquals; aws:SourceVpce; [\"vpce-1\",\"vpce-2\"]; vpce-2; ImplicitDeny",
        // A negated operator holds when the key is absent.
        "StringNotEquals; aws:SourceVpce; [\"vpce-1\"]; ; Allow",
        "StringEqualsIgnoreCase; aws:SourceVpce; [\"VPCE-1\"]; vpce-1; Allow",
        "StringNotEqualsIgnoreCase; aws:SourceVpce; [\"VPCE-1\"]; vpce-1; ImplicitDeny",
        "StringLike; aws:SourceVpce; [\"vpce-?a*\"]; vpce-xabc; Allow",
        "StringLike; aws:SourceVpce; [\"vpce-?a*\"]; vpce-abc; ImplicitDeny",
        "StringNotLike; aws:SourceVpce; [\"vpce-0*\"]; vpce-1; Allow",
        "StringNotLike; aws:SourceVpce; [\"vpce-0*\"]; vpce-0a; ImplicitDeny",
        // ...IfExists: holds when the key is absent, else behaves as the base operator.
        "StringEqualsIfExists; aws:SourceVpce; [\"vpce-1\"]; ; Allow",
        "StringEqualsIfExists; aws:SourceVpce; [\"vpce-1\"]; vpce-2; ImplicitDeny",
        "StringLikeIfExists; aws:SourceVpce; [\"vpce-*\"]; vpce-2; Allow",
        // Numeric.
        "NumericEquals; s3:max-keys; [\"10\"]; 10; Allow",
        "NumericEquals; s3:max-keys; [\"10\"]; 10.0; Allow",
        "NumericNotEquals; s3:max-keys; [\"10\"]; 11; Allow",
        "NumericLessThan; s3:max-keys; [\"10\"]; 9; Allow",
        "NumericLessThan; s3:max-keys; [\"10\"]; 10; ImplicitDeny",
        "NumericLessThanEquals; s3:max-keys; [\"10\"]; 10; Allow",
        "NumericGreaterThan; s3:max-keys; [\"10\"]; 11; Allow",
        "NumericGreaterThanEquals; s3:max-keys; [\"10\"]; 9; ImplicitDeny",
        "NumericGreaterThanEquals; s3:max-keys; [\"10\"]; ten; ImplicitDeny",
        "NumericLessThanIfExists; s3:max-keys; [\"10\"]; ; Allow",
        // Date: ISO 8601 and epoch seconds compare as instants.
        "DateEquals; aws:CurrentTime; [\"2026-11-24T12:00:00Z\"]; 2026-11-24T12:00:00Z; Allow",
        "DateNotEquals; aws:CurrentTime; [\"2026-11-24T12:00:00Z\"]; 2026-11-24T12:00:01Z; Allow",
        "DateLessThan; aws:CurrentTime; [\"2026-11-24T12:00:00Z\"]; 2026-11-24T11:59:59Z; Allow",
        "DateLessThan; aws:CurrentTime; [\"2026-11-24T12:00:00Z\"]; 2026-11-24T12:00:00Z; ImplicitDeny",
        "DateLessThanEquals; aws:CurrentTime; [\"1795564800\"]; 2026-11-24T00:00:00Z; Allow",
        "DateGreaterThan; aws:CurrentTime; [\"2026-01-01\"]; 2026-11-24T12:00:00Z; Allow",
        "DateGreaterThanEquals; aws:CurrentTime; [\"2027-01-01T00:00:00Z\"]; 2026-11-24T12:00:00Z; ImplicitDeny",
        // Bool.
        "Bool; aws:SecureTransport; [\"true\"]; true; Allow",
        "Bool; aws:SecureTransport; [\"true\"]; false; ImplicitDeny",
        "Bool; aws:SecureTransport; [\"false\"]; ; ImplicitDeny",
        "BoolIfExists; aws:MultiFactorAuthPresent; [\"true\"]; ; Allow",
        // Binary: base64 values compare as bytes.
        "BinaryEquals; key; [\"QmluYXJ5VmFsdWVJbkJhc2U2NA==\"]; QmluYXJ5VmFsdWVJbkJhc2U2NA==; Allow",
        "BinaryEquals; key; [\"QmluYXJ5VmFsdWVJbkJhc2U2NA==\"]; T3RoZXI=; ImplicitDeny",
        // IP addresses, v4 and v6 CIDRs.
        "IpAddress; aws:VpcSourceIp; [\"10.0.0.0/16\"]; 10.0.200.7; Allow",
        "IpAddress; aws:VpcSourceIp; [\"10.0.0.0/16\"]; 10.1.0.7; ImplicitDeny",
        "IpAddress; aws:VpcSourceIp; [\"203.0.113.7\"]; 203.0.113.7; Allow",
        "IpAddress; aws:SourceIp; [\"2001:db8::/32\"]; 2001:db8:1::7; Allow",
        "NotIpAddress; aws:VpcSourceIp; [\"10.0.0.0/16\"]; 10.1.0.7; Allow",
        "NotIpAddress; aws:VpcSourceIp; [\"10.0.0.0/16\"]; 10.0.0.7; ImplicitDeny",
        // ARN operators compare component by component; wildcards allowed in ArnLike and ArnEquals alike.
        "ArnEquals; aws:SourceArn; [\"arn:aws:sns:us-east-1:111111111111:topic\"]; arn:aws:sns:us-east-1:111111111111:topic; Allow",
        "ArnLike; aws:SourceArn; [\"arn:aws:sns:*:111111111111:*\"]; arn:aws:sns:eu-west-1:111111111111:t; Allow",
        "ArnLike; aws:SourceArn; [\"arn:aws:sns:*:111111111111:*\"]; arn:aws:sns:eu-west-1:222222222222:t; ImplicitDeny",
        "ArnNotEquals; aws:SourceArn; [\"arn:aws:sns:us-east-1:111111111111:topic\"]; arn:aws:sns:us-east-1:111111111111:other; Allow",
        "ArnNotLike; aws:SourceArn; [\"arn:aws:sns:*:111111111111:*\"]; arn:aws:sns:eu-west-1:111111111111:t; ImplicitDeny",
        "ArnLikeIfExists; aws:SourceArn; [\"arn:aws:sns:*:111111111111:*\"]; ; Allow",
        // Null: true means the key must be absent, false that it must be present.
        "Null; aws:TokenIssueTime; [\"true\"]; ; Allow",
        "Null; aws:TokenIssueTime; [\"true\"]; 2026-11-24T12:00:00Z; ImplicitDeny",
        "Null; aws:TokenIssueTime; [\"false\"]; 2026-11-24T12:00:00Z; Allow",
        // Set operators on multivalued keys.
        "ForAnyValue:StringEquals; aws:TagKeys; [\"env\",\"team\"]; owner|team; Allow",
        "ForAnyValue:StringEquals; aws:TagKeys; [\"env\",\"team\"]; owner; ImplicitDeny",
        "ForAnyValue:StringEquals; aws:TagKeys; [\"env\"]; ; ImplicitDeny",
        "ForAllValues:StringEquals; aws:TagKeys; [\"env\",\"team\"]; env|team; Allow",
        "ForAllValues:StringEquals; aws:TagKeys; [\"env\",\"team\"]; env|owner; ImplicitDeny",
        // ForAllValues holds for an absent key (documented: use with Null to avoid surprises).
        "ForAllValues:StringEquals; aws:TagKeys; [\"env\"]; ; Allow",
        "ForAllValues:StringLike; aws:TagKeys; [\"e*\"]; env|eu; Allow",
        "ForAnyValue:StringNotEquals; aws:TagKeys; [\"env\"]; env|team; Allow",
        "ForAllValues:StringNotEquals; aws:TagKeys; [\"env\"]; env|team; ImplicitDeny",
        // Policy variables in condition values.
        "StringEquals; s3:prefix; [\"home/${aws:username}/\"]; home/alice/; Allow",
        "StringLike; s3:prefix; [\"home/${aws:username}/*\"]; home/bob/x; ImplicitDeny",
        "StringEquals; s3:prefix; [\"${aws:missing, 'fallback'}\"]; fallback; Allow",
        "StringEquals; s3:prefix; [\"a${*}b\"]; a*b; Allow",
        "StringLike; s3:prefix; [\"a${*}b\"]; axb; ImplicitDeny",
        "StringEquals; s3:prefix; [\"${aws:missing}\"]; anything; ImplicitDeny",
    })
    void operator(String operator, String key, String values, String context, String expected) {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"*\",\"Condition\":{\"" + operator + "\":{\"" + key + "\":" + values + "}}}}";
        Map<String, List<String>> contextKeys = new LinkedHashMap<>();
        if (context != null) {
            contextKeys.put(key, List.of(context.split("\\|")));
        }
        Decision decision = new PolicyEvaluator().evaluate(new AuthorizationRequest(ALICE, "s3:GetObject",
                "arn:aws:s3:::bucket/key", "111111111111", contextKeys,
                List.of(new NamedPolicy("alice inline", policy)), null, null));
        assertEquals(expected, decision.outcome().label(), decision.reason());
    }
}
