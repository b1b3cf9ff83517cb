package com.example.privateapi.diagnose.check;

import com.example.privateapi.diagnose.model.ClientKind;
import com.example.privateapi.diagnose.model.ClientView;
import com.example.privateapi.diagnose.model.Deployment;
import com.example.privateapi.diagnose.model.Read;
import com.example.privateapi.diagnose.report.Line;

import java.util.List;
import java.util.Optional;

/** The assume-role client exists and its {@code ROLE_TO_ASSUME} is the provider's API access role. */
public final class RoleToAssumeCheck implements Check {

    @Override
    public List<Line> check(Deployment d) {
        String title = "assume-role client: ROLE_TO_ASSUME";
        ClientView client = d.consumer().client(ClientKind.ASSUME_ROLE);
        Read<String> accessRole = Facts.providerOutput(d, "APIAccessRole");
        if (!client.deployed()) {
            String value = accessRole.get().orElse("<the provider stack's APIAccessRole output>");
            return List.of(Line.fail("the consumer stack has no assume-role client (its pAPIRoleARN is "
                            + d.consumer().stack().get().map(s -> s.parameter("pAPIRoleARN")).orElse("None") + ")",
                    Facts.setParameter(d.consumer().side(), d.consumer().stack(), "pAPIRoleARN", value)));
        }
        Optional<Read.Failed<?>> missing = Facts.firstFailure(client.function(), accessRole);
        if (missing.isPresent()) {
            return List.of(Facts.notChecked(title, missing.get()));
        }
        String expected = accessRole.get().orElseThrow();
        String actual = client.function().get().orElseThrow().env("ROLE_TO_ASSUME");
        if (expected.equals(actual == null ? null : actual.trim())) {
            return List.of(Line.pass(title + " is the provider's API access role " + expected));
        }
        return List.of(Line.fail(title + " is " + (actual == null ? "not set" : actual)
                        + ", not the provider's API access role " + expected,
                Facts.setParameter(d.consumer().side(), d.consumer().stack(), "pAPIRoleARN", expected)));
    }
}
