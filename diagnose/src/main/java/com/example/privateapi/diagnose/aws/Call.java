package com.example.privateapi.diagnose.aws;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Every call the diagnosis makes: all of them read-only. {@link ReadOnlyGuard} refuses any operation not listed
 * here, so the diagnosis cannot change either account; {@code --list-calls} prints this list.
 */
public enum Call {
    GET_CALLER_IDENTITY("GetCallerIdentity", "sts:GetCallerIdentity", Accounts.BOTH,
            "the account of each profile (needs no permission)"),
    DESCRIBE_STACKS("DescribeStacks", "cloudformation:DescribeStacks", Accounts.BOTH,
            "each stack's status, parameters and outputs"),
    DESCRIBE_STACK_RESOURCES("DescribeStackResources", "cloudformation:DescribeStackResources", Accounts.PROVIDER,
            "when the API's RestApi resource (and so its resource policy) last changed, nested stacks included"),
    GET_REST_API("GetRestApi", "apigateway:GET", Accounts.PROVIDER, "the API's current resource policy"),
    GET_STAGES("GetStages", "apigateway:GET", Accounts.PROVIDER,
            "the API's stages, the deployment each serves and its access log"),
    GET_DEPLOYMENT("GetDeployment", "apigateway:GET", Accounts.PROVIDER, "when each stage's deployment was made"),
    GET_FUNCTION_CONFIGURATION("GetFunctionConfiguration", "lambda:GetFunctionConfiguration", Accounts.CONSUMER,
            "each client function's environment, role, subnets and security groups"),
    DESCRIBE_VPC_ENDPOINTS("DescribeVpcEndpoints", "ec2:DescribeVpcEndpoints", Accounts.CONSUMER,
            "the execute-api endpoint's policy, state, private DNS, DNS names and security groups; the STS "
                    + "endpoints of the functions' VPC"),
    DESCRIBE_SECURITY_GROUPS("DescribeSecurityGroups", "ec2:DescribeSecurityGroups", Accounts.CONSUMER,
            "the rules of the functions' and the endpoints' security groups"),
    DESCRIBE_SUBNETS("DescribeSubnets", "ec2:DescribeSubnets", Accounts.CONSUMER,
            "the VPC and address range of the functions' and the endpoints' subnets"),
    GET_ROLE("GetRole", "iam:GetRole", Accounts.BOTH,
            "the trust policy of the client roles and of the API access role"),
    LIST_ROLE_POLICIES("ListRolePolicies", "iam:ListRolePolicies", Accounts.BOTH, "their inline policies"),
    GET_ROLE_POLICY("GetRolePolicy", "iam:GetRolePolicy", Accounts.BOTH, "each inline policy's document"),
    LIST_ATTACHED_ROLE_POLICIES("ListAttachedRolePolicies", "iam:ListAttachedRolePolicies", Accounts.BOTH,
            "their attached managed policies"),
    GET_POLICY("GetPolicy", "iam:GetPolicy", Accounts.BOTH, "each managed policy's default version"),
    GET_POLICY_VERSION("GetPolicyVersion", "iam:GetPolicyVersion", Accounts.BOTH,
            "each managed policy's document"),
    FILTER_LOG_EVENTS("FilterLogEvents", "logs:FilterLogEvents", Accounts.PROVIDER,
            "the latest denied requests (status 403) in the stage's access log");

    /** Which account a call is made in. */
    public enum Accounts { CONSUMER, PROVIDER, BOTH }

    private final String operation;
    private final String action;
    private final Accounts accounts;
    private final String purpose;

    Call(String operation, String action, Accounts accounts, String purpose) {
        this.operation = operation;
        this.action = action;
        this.accounts = accounts;
        this.purpose = purpose;
    }

    /** The SDK's operation name, e.g. {@code DescribeVpcEndpoints}. */
    public String operation() {
        return operation;
    }

    /** The IAM action that permits it, e.g. {@code ec2:DescribeVpcEndpoints}. */
    public String action() {
        return action;
    }

    public String purpose() {
        return purpose;
    }

    public boolean madeIn(Accounts side) {
        return accounts == Accounts.BOTH || accounts == side;
    }

    public static Optional<Call> ofOperation(String operation) {
        return Arrays.stream(values()).filter(c -> c.operation.equals(operation)).findFirst();
    }

    public static List<Call> in(Accounts side) {
        return Arrays.stream(values()).filter(c -> c.madeIn(side)).toList();
    }
}
