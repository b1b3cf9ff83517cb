package com.example.privateapi.rehearsal.template;

import java.util.List;
import java.util.Map;

/**
 * A stack as deployed from a template, nested stacks' resources included.
 *
 * @param outputs    the stack's outputs (conditional ones only when their condition holds)
 * @param parameters the parameters as resolved (defaults, overrides), lists joined by commas
 */
public record DeployedStack(String stackName, Map<String, String> outputs, Map<String, String> parameters,
                            List<Model.RestApi> apis, List<Model.LambdaFunction> functions,
                            List<Model.IamRole> roles, List<Model.VpcEndpoint> vpcEndpoints,
                            List<Model.DynamoTable> tables) {
    public DeployedStack {
        outputs = Map.copyOf(outputs);
        parameters = Map.copyOf(parameters);
        apis = List.copyOf(apis);
        functions = List.copyOf(functions);
        roles = List.copyOf(roles);
        vpcEndpoints = List.copyOf(vpcEndpoints);
        tables = List.copyOf(tables);
    }
}
