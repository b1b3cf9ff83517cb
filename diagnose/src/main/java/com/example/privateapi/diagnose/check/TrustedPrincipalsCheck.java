package com.example.privateapi.diagnose.check;

import com.example.privateapi.diagnose.model.ClientKind;
import com.example.privateapi.diagnose.model.Deployment;
import com.example.privateapi.diagnose.model.FunctionView;
import com.example.privateapi.diagnose.model.Read;
import com.example.privateapi.diagnose.model.StackView;
import com.example.privateapi.diagnose.report.Line;
import com.example.privateapi.iam.apigateway.ExecuteApiArn;

import java.util.List;
import java.util.Optional;

/** The provider's {@code pTrustedPrincipals} names the consumer account (or the assume-role client's role). */
public final class TrustedPrincipalsCheck implements Check {

    @Override
    public List<Line> check(Deployment d) {
        String title = "consumer account in pTrustedPrincipals";
        Read<StackView> provider = d.provider().stack();
        Read<String> consumerAccount = d.consumer().account();
        Optional<Read.Failed<?>> missing = Facts.firstFailure(provider, consumerAccount);
        if (missing.isPresent()) {
            return List.of(Facts.notChecked(title, missing.get()));
        }
        String account = consumerAccount.get().orElseThrow();
        String current = provider.get().orElseThrow().parameter("pTrustedPrincipals");
        List<String> entries = Facts.entries(current);
        String root = "arn:" + ExecuteApiArn.partition(d.consumer().side().region()) + ":iam::" + account + ":root";
        if (entries.contains(account) || entries.contains(root)) {
            return List.of(Line.pass("pTrustedPrincipals of the provider stack names the consumer account "
                    + account));
        }
        Optional<String> clientRole = d.consumer().client(ClientKind.ASSUME_ROLE).function().get()
                .map(FunctionView::roleArn);
        if (clientRole.isPresent() && entries.contains(clientRole.get())) {
            return List.of(Line.pass("pTrustedPrincipals of the provider stack names the assume-role client's role "
                    + clientRole.get()));
        }
        return List.of(Line.fail("pTrustedPrincipals of the provider stack does not name the consumer account "
                        + account + " (it has " + current + "): STS refuses the assume-role client",
                Facts.setParameter(d.provider().side(), provider, "pTrustedPrincipals",
                        Facts.withEntry(current, account))));
    }
}
