package com.example.privateapi.rehearsal.cli;

import com.example.privateapi.rehearsal.template.DeployTarget;
import com.example.privateapi.rehearsal.template.DeployedStack;
import com.example.privateapi.rehearsal.template.TemplateException;
import com.example.privateapi.rehearsal.template.TemplateReader;
import com.google.gson.GsonBuilder;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code model TEMPLATE [--param K=V]...}: deploys one template in the rehearsal's model only (nothing is started)
 * and prints what the stack will contain as JSON: APIs with their stages, methods, authorization, integration
 * credentials and resource policy; functions; Lambda permissions; roles with their trust, inline and managed
 * policies and boundary; VPC endpoints with their policies; security groups; tables; outputs.
 */
public final class ModelCommand {

    static final String USAGE = """
            usage: run-local.sh model TEMPLATE [options]
              Prints the model of one stack deployed from TEMPLATE (SAM expanded, nested stacks included) as JSON.

              --param K=V          a stack parameter (repeatable)
              --account ID         the account (default 222222222222)
              --region REGION      the region (default us-east-1)
              --stack-name NAME    the stack name (default: the template's file name without extension)
            """;

    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || args.contains("-h") || args.contains("--help")) {
            (args.isEmpty() ? err : out).print(USAGE);
            return args.isEmpty() ? 2 : 0;
        }
        Path template = Path.of(args.get(0));
        Map<String, String> params = new LinkedHashMap<>();
        String account = "222222222222";
        String region = "us-east-1";
        String file = template.getFileName().toString();
        String stackName = file.contains(".") ? file.substring(0, file.lastIndexOf('.')) : file;
        for (int i = 1; i < args.size(); i++) {
            String option = args.get(i);
            if (i + 1 >= args.size()) {
                return usage(err, option + " needs a value");
            }
            String value = args.get(++i);
            switch (option) {
                case "--param" -> {
                    int eq = value.indexOf('=');
                    if (eq <= 0) {
                        return usage(err, "--param takes NAME=VALUE, got " + value);
                    }
                    params.put(value.substring(0, eq), value.substring(eq + 1));
                }
                case "--account" -> {
                    if (!value.matches("\\d{12}")) {
                        return usage(err, "--account takes a 12-digit account id, got " + value);
                    }
                    account = value;
                }
                case "--region" -> region = value;
                case "--stack-name" -> stackName = value;
                default -> {
                    return usage(err, "unknown option " + option);
                }
            }
        }
        DeployTarget target = new DeployTarget(account, region, stackName);
        try {
            DeployedStack stack = new TemplateReader().deploy(template, params, target);
            out.println(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create()
                    .toJson(ModelJson.of(stack, target)));
            return 0;
        } catch (TemplateException e) {
            err.println("run-local.sh model: " + e.getMessage());
            return 1;
        }
    }

    private static int usage(PrintStream err, String message) {
        err.println("run-local.sh model: " + message);
        err.print(USAGE);
        return 2;
    }
}
