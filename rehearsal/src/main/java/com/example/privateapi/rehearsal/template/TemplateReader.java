package com.example.privateapi.rehearsal.template;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads the project's CloudFormation/SAM templates as CloudFormation and the SAM transform would deploy them, and
 * yields what the rehearsal needs: APIs, routes and resource policies, roles with trust and identity policies, VPC
 * endpoints with their policies, functions with handler, code and environment, tables, and outputs. Every policy
 * and setting comes from the template; none is written again in Java.
 */
public final class TemplateReader {

    public DeployedStack deploy(Path template, Map<String, String> parameters, DeployTarget target) {
        if (!Files.isRegularFile(template)) {
            throw new TemplateException(template + ": no such template");
        }
        return new StackDeployer(this, template, target).deploy(parameters);
    }

    /**
     * Checks parameter values against the template's definitions (names, types, allowed values and patterns,
     * bounds), as CloudFormation does before it creates anything: bad values fail here, before a deploy starts.
     */
    @SuppressWarnings("unchecked")
    public void checkParameters(Path template, Map<String, String> parameters) {
        if (!Files.isRegularFile(template)) {
            throw new TemplateException(template + ": no such template");
        }
        Object definitions = YamlTemplates.load(template).get("Parameters");
        ParameterResolver.resolve(template.getFileName().toString(),
                definitions instanceof Map ? (Map<String, Object>) definitions : Map.of(), parameters);
    }
}
