package com.example.privateapi.iam;

/** Principals and policy documents the rule tables are written with. */
final class Fixtures {

    static final String CONSUMER = "111111111111";
    static final String PROVIDER = "222222222222";
    static final String ROLE_TO_ASSUME = "arn:aws:iam::" + PROVIDER + ":role/ApiAccessRole";

    private Fixtures() {
    }

    /**
     * A caller: {@code session} (a session "s1" of role Client), {@code user} (alice), {@code root} (the account's
     * root user), {@code anonymous} or {@code lambda} (the Lambda service).
     */
    static Principal caller(String kind, String account) {
        return switch (kind) {
            case "session" -> Principal.roleSession("arn:aws:iam::" + account + ":role/Client", "AROACLIENTROLE0000001", "s1");
            case "user" -> new Principal("arn:aws:iam::" + account + ":user/alice", account, "AIDAALICEUSER00000001", null);
            case "root" -> new Principal("arn:aws:iam::" + account + ":root", account, account, null);
            case "anonymous" -> Principal.anonymous();
            case "lambda" -> Principal.service("lambda.amazonaws.com");
            default -> throw new IllegalArgumentException(kind);
        };
    }

    /** An identity policy with one statement. */
    static String identity(String effect, String action, String resource) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Id\",\"Effect\":\"" + effect + "\","
                + "\"Action\":\"" + action + "\",\"Resource\":\"" + resource + "\"}]}";
    }

    /** A trust policy with one statement whose Principal element is {@code who} (JSON). */
    static String trust(String effect, String who) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Trust\",\"Effect\":\"" + effect + "\","
                + "\"Principal\":" + who + ",\"Action\":\"sts:AssumeRole\"}]}";
    }

    /** {@code {"AWS": value}}, or {@code "*"} for {@code *}. */
    static String aws(String value) {
        return value.equals("*") ? "\"*\"" : "{\"AWS\":\"" + value + "\"}";
    }
}
