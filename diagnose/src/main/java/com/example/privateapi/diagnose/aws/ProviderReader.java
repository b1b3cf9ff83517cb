package com.example.privateapi.diagnose.aws;

import com.example.privateapi.diagnose.model.AccessLog;
import com.example.privateapi.diagnose.model.ApiView;
import com.example.privateapi.diagnose.model.Denial;
import com.example.privateapi.diagnose.model.PolicyChange;
import com.example.privateapi.diagnose.model.ProviderView;
import com.example.privateapi.diagnose.model.Read;
import com.example.privateapi.diagnose.model.RoleView;
import com.example.privateapi.diagnose.model.Side;
import com.example.privateapi.diagnose.model.StackView;
import com.example.privateapi.diagnose.model.StageView;
import software.amazon.awssdk.services.apigateway.model.GetRestApiResponse;
import software.amazon.awssdk.services.apigateway.model.Stage;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the provider account: the backend stack, the API, its stages and access log, the access role. */
public final class ProviderReader {

    /** How far back the access log is searched, and how many denials are shown. */
    static final Duration LOG_WINDOW = Duration.ofHours(24);
    static final int DENIALS_SHOWN = 5;
    /** FilterLogEvents may answer empty pages while it scans; this bounds the scan. */
    private static final int MAX_LOG_PAGES = 20;

    private final AwsAccount aws;
    private final Side side;
    private final Attempt attempt;
    private final StackReader stacks;
    private final RoleReader roles;
    private final PolicyChangeFinder policyChanges;
    private final AccessLogLines logLines = new AccessLogLines();
    private final Clock clock;

    public ProviderReader(AwsAccount aws, String stack, Clock clock) {
        this.aws = aws;
        this.side = new Side("provider", aws.access().profile(), aws.access().region(), stack);
        this.attempt = new Attempt(side.profile());
        this.stacks = new StackReader(aws, attempt);
        this.roles = new RoleReader(aws, attempt);
        this.policyChanges = new PolicyChangeFinder(aws.cloudFormation, attempt);
        this.clock = clock;
    }

    /**
     * @param moreRoles ARNs of further roles to read when they are in this account (the role the assume-role
     *                  client is configured to assume, when it is not the stack's)
     */
    public ProviderView read(Set<String> moreRoles) {
        Read<String> account = attempt.read(Call.GET_CALLER_IDENTITY, "the account of profile " + side.profile(),
                null, () -> aws.sts.getCallerIdentity().account());
        if (account instanceof Read.Failed<String> failed) {
            return new ProviderView(side, account, failed.as(), failed.as(), failed.as(), failed.as(), Map.of(),
                    failed.as());
        }
        String accountId = account.get().orElseThrow();
        Read<StackView> stack = stacks.read(side, accountId);
        Read<String> apiId = stack.then(s -> required(s, "APIGatewayID", "the API"));
        Read<ApiView> api = apiId.then(this::api);
        Read<List<StageView>> stages = apiId.then(this::stages);
        Read<PolicyChange> change = stack.then(s -> apiId.then(id -> policyChanges.find(s, id)));

        Set<String> roleArns = new LinkedHashSet<>();
        stack.get().map(s -> s.output("APIAccessRole")).ifPresent(roleArns::add);
        moreRoles.stream().filter(arn -> arn.split(":").length > 4 && arn.split(":")[4].equals(accountId))
                .forEach(roleArns::add);
        Map<String, Read<RoleView>> roleReads = new LinkedHashMap<>();
        roleArns.forEach(arn -> roleReads.put(arn, roles.read(arn)));

        Read<AccessLog> accessLog = stack.then(s -> stages.then(list -> {
            String stageName = s.output("APIStageName");
            StageView stage = list.stream().filter(st -> st.name().equals(stageName)).findFirst().orElse(null);
            if (stage == null || stage.accessLogArn() == null) {
                return Read.failed("the access log", stage == null ? "the API has no stage " + stageName
                        : "stage " + stageName + " has no access log");
            }
            return accessLog(logGroup(stage.accessLogArn()));
        }));
        return new ProviderView(side, account, stack, api, stages, change, roleReads, accessLog);
    }

    private static Read<String> required(StackView stack, String output, String what) {
        String value = stack.output(output);
        return value == null ? Read.failed(what, "stack " + stack.name() + " has no output " + output)
                : Read.ok(value);
    }

    private Read<ApiView> api(String id) {
        return attempt.read(Call.GET_REST_API, "the API " + id + " (its resource policy)", "it does not exist",
                () -> {
                    GetRestApiResponse api = aws.apiGateway.getRestApi(r -> r.restApiId(id));
                    return new ApiView(api.id(), api.name(), PolicyText.apiGateway(api.policy()));
                });
    }

    private Read<List<StageView>> stages(String apiId) {
        return attempt.read(Call.GET_STAGES, "the stages of API " + apiId, "the API does not exist", () -> {
            List<StageView> stages = new ArrayList<>();
            for (Stage stage : aws.apiGateway.getStages(r -> r.restApiId(apiId)).item()) {
                Instant deployedAt = stage.deploymentId() == null ? null : attempt.call(Call.GET_DEPLOYMENT, null,
                        () -> aws.apiGateway.getDeployment(r -> r.restApiId(apiId)
                                .deploymentId(stage.deploymentId())).createdDate());
                String logArn = stage.accessLogSettings() == null ? null
                        : stage.accessLogSettings().destinationArn();
                stages.add(new StageView(stage.stageName(), stage.deploymentId(), deployedAt, logArn));
            }
            return stages;
        });
    }

    /** {@code arn:aws:logs:REGION:ACCOUNT:log-group:NAME} (possibly ending in {@code :*}) to NAME. */
    static String logGroup(String arn) {
        int at = arn.indexOf(":log-group:");
        String name = at < 0 ? arn : arn.substring(at + ":log-group:".length());
        return name.endsWith(":*") ? name.substring(0, name.length() - 2) : name;
    }

    private Read<AccessLog> accessLog(String logGroup) {
        return attempt.read(Call.FILTER_LOG_EVENTS, "the access log " + logGroup, "the log group does not exist",
                () -> {
                    long start = clock.instant().minus(LOG_WINDOW).toEpochMilli();
                    List<Denial> denials = new ArrayList<>();
                    String token = null;
                    for (int page = 0; page < MAX_LOG_PAGES; page++) {
                        String next = token;
                        // The pattern narrows the scan on AWS; the JSON is checked here all the same.
                        FilterLogEventsResponse response = aws.logs.filterLogEvents(r -> r.logGroupName(logGroup)
                                .startTime(start).filterPattern("{ $.status = \"403\" }").nextToken(next));
                        for (FilteredLogEvent event : response.events()) {
                            logLines.denial(event.timestamp(), event.message()).ifPresent(denials::add);
                        }
                        token = response.nextToken();
                        if (token == null) {
                            break;
                        }
                    }
                    denials.sort(Comparator.comparing(Denial::time));
                    List<Denial> latest = denials.subList(Math.max(0, denials.size() - DENIALS_SHOWN),
                            denials.size());
                    return new AccessLog(logGroup, LOG_WINDOW, latest);
                });
    }
}
