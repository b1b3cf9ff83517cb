package com.example.privateapi.diagnose.check;

import com.example.privateapi.diagnose.model.Deployment;
import com.example.privateapi.diagnose.model.Read;
import com.example.privateapi.diagnose.model.StackView;
import com.example.privateapi.diagnose.report.Line;
import com.example.privateapi.iam.apigateway.ExecuteApiArn;

import java.util.List;
import java.util.Optional;

/**
 * The direct client's role is in the provider's {@code pAPIAccessList}, by its ARN or through its account (an
 * account principal delegates to the account: the role is allowed where its own policies allow too).
 */
public final class AccessListCheck implements Check {

    @Override
    public List<Line> check(Deployment d) {
        String title = "direct client's role in pAPIAccessList";
        Read<String> role = Facts.directRoleArn(d);
        Read<StackView> provider = d.provider().stack();
        Optional<Read.Failed<?>> missing = Facts.firstFailure(role, provider, d.consumer().account());
        if (missing.isPresent()) {
            return List.of(Facts.notChecked(title, missing.get()));
        }
        String roleArn = role.get().orElseThrow();
        String account = d.consumer().account().get().orElseThrow();
        String current = provider.get().orElseThrow().parameter("pAPIAccessList");
        List<String> entries = Facts.entries(current);
        if (entries.contains(roleArn)) {
            return List.of(Line.pass("the direct client's role " + roleArn + " is in pAPIAccessList of the provider "
                    + "stack"));
        }
        String root = "arn:" + ExecuteApiArn.partition(d.consumer().side().region()) + ":iam::" + account + ":root";
        if (entries.contains(account) || entries.contains(root)) {
            return List.of(Line.pass("pAPIAccessList of the provider stack names the consumer account " + account
                    + ": the direct client's role is allowed where its own policies allow"));
        }
        return List.of(Line.fail("the direct client's role " + roleArn + " is not in pAPIAccessList of the provider "
                        + "stack (it has " + current + ")",
                Facts.setParameter(d.provider().side(), provider, "pAPIAccessList", Facts.withEntry(current, roleArn))
                        + ", then redeploy the stage (deploy-all.sh does both)"));
    }
}
