package com.example.privateapi.iam;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Who is calling, as IAM sees it.
 *
 * @param arn       the caller's ARN: {@code arn:aws:sts::ACCOUNT:assumed-role/NAME/SESSION} for a role
 *                  session, {@code arn:aws:iam::ACCOUNT:user/NAME} for a user, {@code anonymous} for nobody
 * @param accountId the caller's account, null when anonymous
 * @param userId    the unique id API Gateway reports as {@code caller}: {@code AROA...:SESSION} for a role
 *                  session, {@code AIDA...} for a user, null when anonymous
 * @param roleArn   the IAM role ARN behind a role session ({@code arn:aws:iam::ACCOUNT:role/NAME}), else null
 */
public record Principal(String arn, String accountId, String userId, String roleArn) {

    public static final String ANONYMOUS_ARN = "anonymous";
    /** {@code arn:aws:iam::ACCOUNT:root} in any partition; group 1 is the account. */
    static final Pattern ACCOUNT_ROOT =
            Pattern.compile("arn:aws[\\w-]*:iam::(\\d{12}):root");

    public Principal {
        Objects.requireNonNull(arn, "arn");
    }

    public static Principal anonymous() {
        return new Principal(ANONYMOUS_ARN, null, null, null);
    }

    public boolean isAnonymous() {
        return ANONYMOUS_ARN.equals(arn);
    }

    /** An AWS service acting for itself, e.g. {@code lambda.amazonaws.com} assuming an execution role. */
    public static Principal service(String servicePrincipal) {
        return new Principal(servicePrincipal, null, null, null);
    }

    public boolean isService() {
        return !isAnonymous() && accountId == null && arn.endsWith(".amazonaws.com") && !arn.contains(":");
    }

    /** The account's root user ({@code arn:aws:iam::ACCOUNT:root}), which holds every permission in its account. */
    public boolean isAccountRoot() {
        return accountId != null && ACCOUNT_ROOT.matcher(arn).matches();
    }

    /**
     * A principal of an IAM role session, in the role's partition.
     *
     * @param roleId the role's unique id, or null when it is not known (the principal then has no user id)
     */
    public static Principal roleSession(String roleArn, String roleId, String sessionName) {
        String[] parts = roleArn.split(":");
        String account = parts[4];
        String roleName = roleArn.substring(roleArn.lastIndexOf('/') + 1);
        return new Principal("arn:" + parts[1] + ":sts::" + account + ":assumed-role/" + roleName + "/" + sessionName,
                account, roleId == null ? null : roleId + ":" + sessionName, roleArn);
    }
}
