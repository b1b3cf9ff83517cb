package com.example.privateapi.diagnose.check;

import com.example.privateapi.diagnose.model.Deployment;
import com.example.privateapi.diagnose.model.PolicyChange;
import com.example.privateapi.diagnose.model.Read;
import com.example.privateapi.diagnose.model.Side;
import com.example.privateapi.diagnose.model.StageView;
import com.example.privateapi.diagnose.report.Line;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The stage serves a deployment made after the resource policy last changed: API Gateway applies a new resource
 * policy only when the stage is redeployed, so an older deployment keeps answering with the old policy.
 */
public final class StageDeploymentCheck implements Check {

    @Override
    public List<Line> check(Deployment d) {
        String title = "stage deployed after the resource policy changed";
        Read<String> apiId = Facts.providerOutput(d, "APIGatewayID");
        Read<String> stageName = Facts.providerOutput(d, "APIStageName");
        Optional<Read.Failed<?>> missing = Facts.firstFailure(apiId, stageName, d.provider().stages(),
                d.provider().policyChange());
        if (missing.isPresent()) {
            return List.of(Facts.notChecked(title, missing.get()));
        }
        String api = apiId.get().orElseThrow();
        String name = stageName.get().orElseThrow();
        String redeploy = "fix: redeploy the stage (deploy-all.sh step 4): " + command(d.provider().side(), api, name);
        Optional<StageView> stage = d.provider().stages().get().orElseThrow().stream()
                .filter(s -> s.name().equals(name)).findFirst();
        if (stage.isEmpty()) {
            return List.of(Line.fail("API " + api + " has no stage " + name, redeploy));
        }
        PolicyChange change = d.provider().policyChange().get().orElseThrow();
        Instant deployed = stage.get().deployedAt();
        if (deployed == null) {
            return List.of(Line.fail("stage " + name + " of API " + api + " serves no deployment", redeploy));
        }
        // API Gateway reports deployment times to the second.
        Instant changed = change.at().truncatedTo(ChronoUnit.SECONDS);
        Instant made = deployed.truncatedTo(ChronoUnit.SECONDS);
        if (!made.isBefore(changed)) {
            return List.of(Line.pass("stage " + name + " serves deployment " + stage.get().deploymentId() + " of "
                    + made + ", made after the resource policy last changed (" + change.source() + " " + changed
                    + ")"));
        }
        return List.of(Line.fail("stage " + name + " serves deployment " + stage.get().deploymentId() + " of " + made
                + ", made before the resource policy last changed (" + change.source() + " " + changed
                + "): API Gateway still applies the policy of that deployment", redeploy));
    }

    private static String command(Side side, String api, String stage) {
        return "aws apigateway create-deployment --rest-api-id " + api + " --stage-name " + stage + " --profile "
                + side.profile() + " --region " + side.region();
    }
}
