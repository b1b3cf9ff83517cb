package com.example.privateapi.rehearsal.cli;

import com.example.privateapi.iam.NamedPolicy;
import com.example.privateapi.iam.apigateway.ResourcePolicyShorthand;
import com.example.privateapi.rehearsal.template.DeployTarget;
import com.example.privateapi.rehearsal.template.DeployedStack;
import com.example.privateapi.rehearsal.template.Model;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A deployed stack's model as JSON, nested stacks included: what the stack will contain, in a stable order, with
 * policies as JSON documents and the API resource policy's {@code execute-api:/} shorthand expanded as API Gateway
 * expands it.
 */
final class ModelJson {

    private ModelJson() {
    }

    static JsonObject of(DeployedStack stack, DeployTarget target) {
        JsonObject out = new JsonObject();
        out.addProperty("stack", stack.stackName());
        out.addProperty("account", target.accountId());
        out.addProperty("region", target.region());
        out.add("parameters", strings(stack.parameters()));
        out.add("outputs", strings(stack.outputs()));
        JsonArray nested = new JsonArray();
        new TreeMap<>(stack.nested()).forEach((id, child) -> {
            JsonObject n = new JsonObject();
            n.addProperty("logicalId", id);
            n.addProperty("stack", child.stackName());
            n.add("parameters", strings(child.parameters()));
            nested.add(n);
        });
        out.add("nestedStacks", nested);
        DeployedStack.Resources r = stack.resources();
        out.add("apis", array(r.apis(), Model.RestApi::logicalId, api -> api(api, target)));
        out.add("functions", array(r.functions(), Model.LambdaFunction::logicalId, ModelJson::function));
        out.add("lambdaPermissions", array(r.permissions(), p -> p.functionArn() + " " + p.principal() + " "
                + p.sourceArn(), ModelJson::permission));
        out.add("lambdaAliases", array(r.aliases(), Model.LambdaAlias::arn, alias -> {
            JsonObject a = new JsonObject();
            a.addProperty("function", alias.functionArn());
            a.addProperty("name", alias.name());
            return a;
        }));
        out.add("roles", array(r.roles(), Model.IamRole::logicalId, ModelJson::role));
        out.add("vpcEndpoints", array(r.vpcEndpoints(), Model.VpcEndpoint::logicalId, ModelJson::endpoint));
        out.add("securityGroups", array(r.securityGroups(), Model.SecurityGroup::logicalId, ModelJson::group));
        out.add("tables", array(r.tables(), Model.DynamoTable::logicalId, table -> {
            JsonObject t = new JsonObject();
            t.addProperty("logicalId", table.logicalId());
            t.addProperty("name", table.name());
            t.add("keySchema", strings(table.keySchema()));
            return t;
        }));
        return out;
    }

    private static JsonObject api(Model.RestApi api, DeployTarget target) {
        JsonObject a = new JsonObject();
        a.addProperty("logicalId", api.logicalId());
        a.addProperty("id", api.id());
        a.addProperty("endpointType", api.endpointType());
        a.add("stages", array(api.stages(), Model.Stage::name, stage -> {
            JsonObject s = new JsonObject();
            s.addProperty("name", stage.name());
            s.addProperty("accessLogFormat", stage.accessLogFormat());
            s.addProperty("tracingEnabled", stage.tracingEnabled());
            return s;
        }));
        a.add("routes", array(api.routes(), route -> route.path() + " " + route.method(), route -> {
            JsonObject m = new JsonObject();
            m.addProperty("method", route.method());
            m.addProperty("path", route.path());
            m.addProperty("authorization", route.authorization());
            m.addProperty("function", route.functionArn());
            m.addProperty("credentials", route.credentials());
            return m;
        }));
        a.add("resourcePolicy", api.resourcePolicy() == null ? JsonNull.INSTANCE : JsonParser.parseString(
                ResourcePolicyShorthand.expand(api.resourcePolicy(), target.region(), target.accountId(), api.id())));
        return a;
    }

    private static JsonObject function(Model.LambdaFunction function) {
        JsonObject f = new JsonObject();
        f.addProperty("logicalId", function.logicalId());
        f.addProperty("name", function.name());
        f.addProperty("handler", function.handler());
        f.addProperty("runtime", function.runtime());
        f.addProperty("code", function.code());
        f.addProperty("memoryMb", function.memoryMb());
        f.addProperty("timeoutSeconds", function.timeout().toSeconds());
        f.add("environment", strings(function.environment()));
        f.addProperty("role", function.roleArn());
        if (function.vpcConfig() != null) {
            JsonObject vpc = new JsonObject();
            vpc.add("securityGroupIds", strings(function.vpcConfig().securityGroupIds()));
            vpc.add("subnetIds", strings(function.vpcConfig().subnetIds()));
            f.add("vpcConfig", vpc);
        }
        f.addProperty("reservedConcurrency", function.reservedConcurrency());
        f.addProperty("snapStart", function.snapStart());
        return f;
    }

    private static JsonObject permission(Model.LambdaPermission permission) {
        JsonObject p = new JsonObject();
        p.addProperty("function", permission.functionArn());
        p.addProperty("action", permission.action());
        p.addProperty("principal", permission.principal());
        p.addProperty("sourceArn", permission.sourceArn());
        p.addProperty("sourceAccount", permission.sourceAccount());
        return p;
    }

    private static JsonObject role(Model.IamRole role) {
        JsonObject r = new JsonObject();
        r.addProperty("logicalId", role.logicalId());
        r.addProperty("arn", role.arn());
        r.add("trustPolicy", JsonParser.parseString(role.trustPolicy()));
        JsonArray inline = new JsonArray();
        for (NamedPolicy policy : role.inlinePolicies()) {
            JsonObject p = new JsonObject();
            p.addProperty("name", policy.name());
            p.add("document", JsonParser.parseString(policy.document()));
            inline.add(p);
        }
        r.add("inlinePolicies", inline);
        r.add("managedPolicyArns", strings(role.managedPolicyArns()));
        r.addProperty("permissionsBoundary", role.permissionsBoundary());
        r.addProperty("maxSessionSeconds", role.maxSessionDuration().toSeconds());
        return r;
    }

    private static JsonObject endpoint(Model.VpcEndpoint endpoint) {
        JsonObject e = new JsonObject();
        e.addProperty("logicalId", endpoint.logicalId());
        e.addProperty("id", endpoint.id());
        e.addProperty("serviceName", endpoint.serviceName());
        e.addProperty("type", endpoint.type());
        e.add("policy", endpoint.policy() == null ? JsonNull.INSTANCE : JsonParser.parseString(endpoint.policy()));
        e.addProperty("privateDnsEnabled", endpoint.privateDnsEnabled());
        e.add("securityGroupIds", strings(endpoint.securityGroupIds()));
        return e;
    }

    private static JsonObject group(Model.SecurityGroup group) {
        JsonObject g = new JsonObject();
        g.addProperty("logicalId", group.logicalId());
        g.addProperty("id", group.id());
        g.add("ingress", array(group.ingress(), Model.SecurityRule::toString, ModelJson::rule));
        g.add("egress", array(group.egress(), Model.SecurityRule::toString, ModelJson::rule));
        return g;
    }

    private static JsonObject rule(Model.SecurityRule rule) {
        JsonObject r = new JsonObject();
        r.addProperty("protocol", rule.protocol());
        r.addProperty("fromPort", rule.fromPort());
        r.addProperty("toPort", rule.toPort());
        r.addProperty("peer", rule.peer());
        return r;
    }

    private static <T> JsonArray array(Collection<T> items, Function<T, String> sortKey,
                                       Function<T, JsonElement> render) {
        JsonArray out = new JsonArray();
        items.stream().sorted(Comparator.comparing(sortKey)).map(render).forEach(out::add);
        return out;
    }

    private static JsonObject strings(Map<String, String> map) {
        JsonObject out = new JsonObject();
        new TreeMap<>(map).forEach(out::addProperty);
        return out;
    }

    private static JsonArray strings(List<String> list) {
        JsonArray out = new JsonArray();
        list.forEach(item -> out.add(new JsonPrimitive(item)));
        return out;
    }
}
