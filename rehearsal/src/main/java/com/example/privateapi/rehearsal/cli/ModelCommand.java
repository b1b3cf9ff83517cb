package com.example.privateapi.rehearsal.cli;

import com.example.privateapi.rehearsal.template.DeployTarget;
import com.example.privateapi.rehearsal.template.DeployedStack;
import com.example.privateapi.rehearsal.template.TemplateException;
import com.example.privateapi.rehearsal.template.TemplateReader;
import com.google.gson.GsonBuilder;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code model TEMPLATE [--param K=V]...}: deploys one template in the rehearsal's model only (nothing is started)
 * and prints what the stack will contain as JSON: APIs with their stages, methods, authorization, integration
 * credentials and resource policy; functions; Lambda permissions; roles with their trust, inline and managed
 * policies and boundary; VPC endpoints with their policies; security groups; tables; outputs.
 */
public final class ModelCommand {

    public int run(CommandLine.Model model, PrintStream out, PrintStream err) {
        Path template = model.template();
        Map<String, String> params = model.params();
        String account = model.account();
        String region = model.region();
        String stackName = model.stackName();
        DeployTarget target = new DeployTarget(account, region, stackName);
        try {
            DeployedStack stack = new TemplateReader().deploy(template, params, target);
            out.println(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create()
                    .toJson(ModelJson.of(stack, target)));
            return ExitStatus.OK;
        } catch (TemplateException e) {
            err.println("run-local.sh model: " + e.getMessage());
            return ExitStatus.FAILED;
        }
    }
}
