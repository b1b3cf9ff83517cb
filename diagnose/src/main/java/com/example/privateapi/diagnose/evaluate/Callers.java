package com.example.privateapi.diagnose.evaluate;


/** Who signs each client's requests, as IAM sees it. */
public final class Callers {

    private Callers() {
    }

    /**
     * The session name the assume-role client gives STS: its function name, made to fit STS's rule (2 to 64
     * characters of {@code [\w+=,.@-]}), as the client does.
     */
    public static String assumeRoleSessionName(String functionName) {
        String base = functionName == null || functionName.isBlank() ? "private-api-client" : functionName;
        String cleaned = base.replaceAll("[^\\w+=,.@-]", "-");
        if (cleaned.length() > 64) {
            return cleaned.substring(0, 64);
        }
        return cleaned.length() < 2 ? cleaned + "-client" : cleaned;
    }

    /** The bare function name of a name, a qualified name ({@code NAME:ALIAS}) or a function ARN. */
    public static String bareFunctionName(String name) {
        if (name.startsWith("arn:")) {
            String[] parts = name.split(":");
            return parts.length > 6 ? parts[6] : name;
        }
        int colon = name.indexOf(':');
        return colon < 0 ? name : name.substring(0, colon);
    }
}
