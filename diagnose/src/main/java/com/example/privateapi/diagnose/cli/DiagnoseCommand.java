package com.example.privateapi.diagnose.cli;

import com.example.privateapi.diagnose.aws.AccountAccess;
import com.example.privateapi.diagnose.aws.AwsAccount;
import com.example.privateapi.diagnose.aws.DeploymentReader;
import com.example.privateapi.diagnose.check.HandoffChecks;
import com.example.privateapi.diagnose.evaluate.PolicyQuestions;
import com.example.privateapi.diagnose.evaluate.RequestEvaluation;
import com.example.privateapi.diagnose.model.Deployment;
import com.example.privateapi.diagnose.report.Report;
import com.example.privateapi.iam.PolicyEvaluator;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** {@code diagnose.sh}: reads both deployments, checks every hand-off, evaluates each client's request. */
public final class DiagnoseCommand {

    private final Clock clock;

    public DiagnoseCommand(Clock clock) {
        this.clock = clock;
    }

    /** From the command line: profiles resolved as the deploy scripts resolve them. */
    public int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
        DiagnoseOptions options;
        try {
            options = DiagnoseOptions.parse(args);
        } catch (DiagnoseOptions.HelpRequested help) {
            out.print(DiagnoseOptions.USAGE);
            return 0;
        } catch (DiagnoseOptions.UsageException e) {
            err.println("diagnose.sh: " + e.getMessage());
            err.print(DiagnoseOptions.USAGE);
            return 2;
        }
        if (options.listCalls()) {
            CallList.print(out);
            return 0;
        }
        AccountAccess consumer;
        AccountAccess provider;
        try {
            consumer = AccountAccess.fromProfile(options.consumerProfile(), env);
            provider = AccountAccess.fromProfile(options.providerProfile(), env);
        } catch (IllegalArgumentException e) {
            err.println("diagnose.sh: " + e.getMessage());
            return 2;
        }
        try {
            return run(consumer, options.clientStack(), provider, options.backendStack(), out);
        } catch (RuntimeException e) {
            // The readers turn every AWS failure into a report line; anything else is a fault of this tool.
            err.println("diagnose.sh: the diagnosis stopped: " + e);
            return 1;
        }
    }

    /** With the accounts' access given: the command line's path, and the tests'. */
    public int run(AccountAccess consumer, String clientStack, AccountAccess provider, String backendStack,
                   PrintStream out) {
        try (SdkHttpClient http = UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(10))
                .socketTimeout(Duration.ofSeconds(30)).build();
             AwsAccount consumerAccount = new AwsAccount(consumer, http);
             AwsAccount providerAccount = new AwsAccount(provider, http)) {
            Deployment deployment = new DeploymentReader(consumerAccount, clientStack, providerAccount, backendStack,
                    clock).read();
            PolicyQuestions questions = new PolicyQuestions(new PolicyEvaluator());
            Diagnosis diagnosis = new Diagnosis(new HandoffChecks(questions, clock),
                    new RequestEvaluation(questions, clock));
            int calls = consumerAccount.callsMade().size() + providerAccount.callsMade().size();
            Report report = diagnosis.report(deployment, calls);
            report.print(out);
            return report.exitCode();
        }
    }
}
