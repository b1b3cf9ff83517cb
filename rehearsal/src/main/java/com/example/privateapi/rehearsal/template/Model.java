package com.example.privateapi.rehearsal.template;

import com.example.privateapi.iam.NamedPolicy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** What a deployed stack holds that the rehearsal acts on. */
public final class Model {

    private Model() {
    }

    /** A method of an API, integrated with a function of the same stack. */
    public record Route(String method, String path, String functionLogicalId) {
    }

    /**
     * A REST API with its deployed stage.
     *
     * @param resourcePolicy  the resource policy JSON, or null
     * @param accessLogFormat the stage's access log format, or null
     */
    public record RestApi(String logicalId, String id, String stageName, String endpointType, String authorization,
                          List<Route> routes, String resourcePolicy, String accessLogFormat) {
        public RestApi {
            routes = List.copyOf(routes);
        }
    }

    public record LambdaFunction(String logicalId, String name, String arn, String handler, Path codeUri,
                                 String runtime, Map<String, String> environment, Duration timeout, int memoryMb,
                                 String roleArn, boolean inVpc) {
        public LambdaFunction {
            environment = Map.copyOf(environment);
        }
    }

    public record IamRole(String logicalId, String arn, String roleId, String trustPolicy, List<NamedPolicy> policies,
                          Duration maxSessionDuration) {
        public IamRole {
            policies = List.copyOf(policies);
        }
    }

    /** @param policy the endpoint policy JSON, or null for the default full-access policy */
    public record VpcEndpoint(String logicalId, String id, String vpcId, String serviceName, String type,
                              String policy, boolean privateDnsEnabled, List<String> dnsEntries) {
        public VpcEndpoint {
            dnsEntries = List.copyOf(dnsEntries);
        }
    }

    /** @param keySchema attribute name to HASH or RANGE; @param attributes attribute name to S, N or B */
    public record DynamoTable(String logicalId, String name, Map<String, String> keySchema,
                              Map<String, String> attributes, String ttlAttribute) {
        public DynamoTable {
            keySchema = Map.copyOf(keySchema);
            attributes = Map.copyOf(attributes);
        }
    }
}
