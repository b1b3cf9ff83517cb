package com.example.privateapi.diagnose.check;

import com.example.privateapi.diagnose.model.Deployment;
import com.example.privateapi.diagnose.model.EndpointView;
import com.example.privateapi.diagnose.report.Line;

import java.util.List;

/** The execute-api endpoint is available, and serves the API's region. */
public final class EndpointStateCheck implements Check {

    @Override
    public List<Line> check(Deployment d) {
        if (d.consumer().endpoint() instanceof com.example.privateapi.diagnose.model.Read.Failed<?> failed) {
            return List.of(Facts.notChecked("execute-api endpoint state", failed));
        }
        EndpointView endpoint = d.consumer().endpoint().get().orElseThrow();
        String apiRegion = d.provider().side().region();
        String expectedService = "com.amazonaws." + apiRegion + ".execute-api";
        String restore = "fix: update the consumer stack " + d.consumer().side().stack() + " (profile "
                + d.consumer().side().profile() + ") to recreate it (./deploy-all.sh does)";
        if (!"available".equalsIgnoreCase(endpoint.state())) {
            return List.of(Line.fail("endpoint " + endpoint.id() + " is " + endpoint.state() + ", not available",
                    restore));
        }
        if (!expectedService.equals(endpoint.serviceName())) {
            return List.of(Line.fail("endpoint " + endpoint.id() + " serves " + endpoint.serviceName()
                            + ", but the API is in " + apiRegion + ": a private API is reached through an execute-api "
                            + "endpoint of its own region",
                    "fix: deploy the consumer stack in " + apiRegion + " (AWS_REGION or the profile's region)"));
        }
        return List.of(Line.pass("endpoint " + endpoint.id() + " (" + endpoint.serviceName() + ") is available"));
    }
}
