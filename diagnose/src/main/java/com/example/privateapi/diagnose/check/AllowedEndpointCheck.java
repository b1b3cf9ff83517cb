package com.example.privateapi.diagnose.check;

import com.example.privateapi.diagnose.model.Deployment;
import com.example.privateapi.diagnose.model.Read;
import com.example.privateapi.diagnose.model.StackView;
import com.example.privateapi.diagnose.report.Line;

import java.util.List;
import java.util.Optional;

/** The consumer's execute-api endpoint is in the provider's {@code pAllowedVPCEndpoints}. */
public final class AllowedEndpointCheck implements Check {

    @Override
    public List<Line> check(Deployment d) {
        String title = "endpoint in pAllowedVPCEndpoints";
        Read<String> endpointId = Facts.consumerOutput(d, "APIGatewayEndpointID");
        Read<StackView> provider = d.provider().stack();
        Optional<Read.Failed<?>> missing = Facts.firstFailure(endpointId, provider);
        if (missing.isPresent()) {
            return List.of(Facts.notChecked(title, missing.get()));
        }
        String id = endpointId.get().orElseThrow();
        String current = provider.get().orElseThrow().parameter("pAllowedVPCEndpoints");
        if (Facts.entries(current).contains(id)) {
            return List.of(Line.pass("endpoint " + id + " is in pAllowedVPCEndpoints of the provider stack"));
        }
        return List.of(Line.fail("endpoint " + id + " is not in pAllowedVPCEndpoints of the provider stack (it has "
                        + current + "): the resource policy denies every request through it",
                Facts.setParameter(d.provider().side(), provider, "pAllowedVPCEndpoints",
                        Facts.withEntry(current, id)) + ", then redeploy the stage (deploy-all.sh does both)"));
    }
}
