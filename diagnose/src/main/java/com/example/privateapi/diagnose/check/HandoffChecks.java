package com.example.privateapi.diagnose.check;

import com.example.privateapi.diagnose.evaluate.PolicyQuestions;
import com.example.privateapi.diagnose.model.Deployment;
import com.example.privateapi.diagnose.report.Line;

import java.time.Clock;
import java.util.List;

/**
 * The hand-off checks in the order the README's troubleshooting takes them: the clients' target, the provider's
 * parameters, the assumed role, the endpoint (state, policy, DNS), the network, the stage's deployment.
 */
public final class HandoffChecks {

    private final List<Check> checks;

    public HandoffChecks(PolicyQuestions questions, Clock clock) {
        this.checks = List.of(new ApiTargetCheck(), new AllowedEndpointCheck(), new AccessListCheck(),
                new TrustedPrincipalsCheck(), new RoleToAssumeCheck(), new EndpointStateCheck(),
                new EndpointPolicyCheck(questions, clock), new PrivateDnsCheck(), new NetworkCheck(),
                new StageDeploymentCheck());
    }

    public List<Line> check(Deployment deployment) {
        return checks.stream().flatMap(c -> c.check(deployment).stream()).toList();
    }
}
