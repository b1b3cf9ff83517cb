package com.example.privateapi.rehearsal.template;

import java.util.List;
import java.util.Map;

/**
 * A stack as deployed from a template, nested stacks' resources included.
 *
 * @param outputs    the stack's outputs (conditional ones only when their condition holds)
 * @param parameters the parameters as resolved (defaults, overrides), lists joined by commas
 * @param resources  the modelled resources, nested stacks' included
 * @param nested     the nested stacks by logical id
 */
public record DeployedStack(String stackName, Map<String, String> outputs, Map<String, String> parameters,
                            Resources resources, Map<String, DeployedStack> nested) {
    public DeployedStack {
        outputs = Map.copyOf(outputs);
        parameters = Map.copyOf(parameters);
        nested = Map.copyOf(nested);
    }

    /** The modelled resources of a stack and its nested stacks. */
    public record Resources(List<Model.RestApi> apis, List<Model.LambdaFunction> functions,
                            List<Model.LambdaPermission> permissions, List<Model.LambdaAlias> aliases,
                            List<Model.IamRole> roles, List<Model.VpcEndpoint> vpcEndpoints,
                            List<Model.SecurityGroup> securityGroups, List<Model.Subnet> subnets,
                            List<Model.DynamoTable> tables) {
        public Resources {
            apis = List.copyOf(apis);
            functions = List.copyOf(functions);
            permissions = List.copyOf(permissions);
            aliases = List.copyOf(aliases);
            roles = List.copyOf(roles);
            vpcEndpoints = List.copyOf(vpcEndpoints);
            securityGroups = List.copyOf(securityGroups);
            subnets = List.copyOf(subnets);
            tables = List.copyOf(tables);
        }
    }

    public List<Model.RestApi> apis() {
        return resources.apis();
    }

    public List<Model.LambdaFunction> functions() {
        return resources.functions();
    }

    public List<Model.IamRole> roles() {
        return resources.roles();
    }

    public List<Model.VpcEndpoint> vpcEndpoints() {
        return resources.vpcEndpoints();
    }

    public List<Model.DynamoTable> tables() {
        return resources.tables();
    }
}
