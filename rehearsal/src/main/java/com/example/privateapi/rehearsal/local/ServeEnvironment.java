package com.example.privateapi.rehearsal.local;

import com.example.privateapi.rehearsal.identity.Credentials;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The variables {@code run-local.sh --serve} writes, so curl and the aws CLI can talk to the rehearsal: the API,
 * STS and DynamoDB, and for each consumer its endpoint's listener and its clients' credentials. The first consumer's
 * variables have no prefix; the others' are prefixed {@code CONSUMER2_}, {@code CONSUMER3_}, ...
 */
public final class ServeEnvironment {

    private ServeEnvironment() {
    }

    public static Map<String, String> of(DeploySettings settings, Deployment deployment, LocalCloud cloud,
                                         StackApplier applier) throws IOException {
        Map<String, String> provider = deployment.provider().outputs();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_REGION", settings.region());
        // The aws CLI reads this one.
        env.put("AWS_DEFAULT_REGION", settings.region());
        env.put("API_ID", provider.get("APIGatewayID"));
        env.put("API_HOST", provider.get("APIGatewayFQDN"));
        env.put("API_PREFIX", "/" + provider.get("APIStageName"));
        env.put("OTHER_VPCE_URL", cloud.endpoint(DeployFlow.OTHER_ENDPOINT, false).url().toString());
        env.put("STS_URL", cloud.stsUrl().toString());
        env.put("ROLE_TO_ASSUME", provider.get("APIAccessRole"));
        env.put("DYNAMODB_URL", cloud.dynamodbUrl().toString());
        env.put("DDB_TABLE", provider.get("RequestsTableName"));
        env.put("PROVIDER_ACCOUNT_ID", settings.providerAccount());
        env.put("CONSUMERS", Integer.toString(deployment.consumers().size()));
        for (Deployment.DeployedConsumer deployed : deployment.consumers()) {
            int number = deployed.consumer().number();
            String prefix = number == 1 ? "" : "CONSUMER" + number + "_";
            Map<String, String> consumer = deployed.stack().outputs();
            String endpointId = consumer.get("APIGatewayEndpointID");
            LocalCloud.EndpointListener listener = cloud.listener(endpointId).orElseThrow(() ->
                    new IllegalStateException("consumer " + number + " has no execute-api endpoint " + endpointId));
            env.put(prefix + "CONSUMER_ACCOUNT_ID", deployed.consumer().account());
            env.put(prefix + "API_VPCE_ID", listener.endpoint().id());
            env.put(prefix + "API_VPCE_URL", listener.url().toString());
            putClient(env, prefix + "DIRECT_CLIENT", consumer.get("DirectAuthClientRole"),
                    applier.credentialsOf(consumer.get("DirectAuthClientFunctionName")));
            String assumeFunction = consumer.get("AssumeRoleClientFunctionName");
            Credentials assume = assumeFunction == null ? null : applier.credentialsOf(assumeFunction);
            putClient(env, prefix + "ASSUME_CLIENT", assume == null ? null : assume.principal().roleArn(), assume);
        }
        return env;
    }

    private static void putClient(Map<String, String> env, String prefix, String roleArn, Credentials credentials) {
        env.put(prefix + "_ROLE_ARN", roleArn);
        env.put(prefix + "_ACCESS_KEY_ID", credentials == null ? null : credentials.accessKeyId());
        env.put(prefix + "_SECRET_ACCESS_KEY", credentials == null ? null : credentials.secretAccessKey());
        env.put(prefix + "_SESSION_TOKEN", credentials == null ? null : credentials.sessionToken());
    }
}
