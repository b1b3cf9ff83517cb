package com.example.privateapi.diagnose.aws;

import com.example.privateapi.diagnose.model.Read;
import com.example.privateapi.diagnose.model.RoleView;
import com.example.privateapi.iam.NamedPolicy;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.Role;

import java.util.ArrayList;
import java.util.List;

/** Reads a role's trust policy and its identity policies, inline and attached. */
final class RoleReader {

    private final AwsAccount aws;
    private final Attempt attempt;

    RoleReader(AwsAccount aws, Attempt attempt) {
        this.aws = aws;
        this.attempt = attempt;
    }

    Read<RoleView> read(String roleArn) {
        String name = roleArn.substring(roleArn.lastIndexOf('/') + 1);
        String what = "role " + name + " (its trust and identity policies)";
        String notFound = "it does not exist (" + roleArn + ")";
        return attempt.read(Call.GET_ROLE, what, notFound, () -> {
            Role role = aws.iam.getRole(r -> r.roleName(name)).role();
            List<NamedPolicy> policies = new ArrayList<>();
            List<String> inline = attempt.call(Call.LIST_ROLE_POLICIES, null,
                    () -> aws.iam.listRolePoliciesPaginator(r -> r.roleName(name)).policyNames().stream().toList());
            for (String policy : inline) {
                String document = attempt.call(Call.GET_ROLE_POLICY, null,
                        () -> aws.iam.getRolePolicy(r -> r.roleName(name).policyName(policy)).policyDocument());
                policies.add(new NamedPolicy("role " + name + " inline " + policy, PolicyText.iam(document)));
            }
            List<AttachedPolicy> attached = attempt.call(Call.LIST_ATTACHED_ROLE_POLICIES, null,
                    () -> aws.iam.listAttachedRolePoliciesPaginator(r -> r.roleName(name)).attachedPolicies()
                            .stream().toList());
            for (AttachedPolicy policy : attached) {
                String version = attempt.call(Call.GET_POLICY, null,
                        () -> aws.iam.getPolicy(r -> r.policyArn(policy.policyArn())).policy().defaultVersionId());
                String document = attempt.call(Call.GET_POLICY_VERSION, null,
                        () -> aws.iam.getPolicyVersion(r -> r.policyArn(policy.policyArn()).versionId(version))
                                .policyVersion().document());
                policies.add(new NamedPolicy("role " + name + " managed " + policy.policyName(),
                        PolicyText.iam(document)));
            }
            return new RoleView(role.arn(), role.roleName(), role.roleId(),
                    PolicyText.iam(role.assumeRolePolicyDocument()), policies);
        });
    }
}
