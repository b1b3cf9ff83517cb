package com.example.privateapi.diagnose.check;

import com.example.privateapi.diagnose.evaluate.PolicyQuestions;
import com.example.privateapi.diagnose.evaluate.RequestEvaluation;
import com.example.privateapi.diagnose.model.EndpointView;
import com.example.privateapi.diagnose.model.SecurityGroupView;
import com.example.privateapi.diagnose.model.SubnetView;
import com.example.privateapi.diagnose.report.Line;
import com.example.privateapi.diagnose.report.Status;
import com.example.privateapi.diagnose.testing.TestDeployment;
import com.example.privateapi.iam.PolicyEvaluator;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static com.example.privateapi.diagnose.testing.TestDeployment.ENDPOINT;
import static com.example.privateapi.diagnose.testing.TestDeployment.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The checks on deployments built in memory, for what moto cannot show: AWS's DNS names of an endpoint, rules by
 * address range, endpoints in another region or VPC, policies in the templates' shorthand.
 */
class HandoffChecksTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T12:30:00Z"), ZoneOffset.UTC);
    private final PolicyQuestions questions = new PolicyQuestions(new PolicyEvaluator());

    private List<Line> check(TestDeployment deployment) {
        return new HandoffChecks(questions, CLOCK).check(deployment.build());
    }

    private static Line only(List<Line> lines, Status status, String text) {
        List<Line> found = lines.stream().filter(l -> l.status() == status && l.text().contains(text)).toList();
        assertEquals(1, found.size(), () -> status + " \"" + text + "\" in " + render(lines));
        return found.get(0);
    }

    private static String render(List<Line> lines) {
        StringBuilder out = new StringBuilder();
        lines.forEach(l -> out.append('\n').append(l.status().mark()).append(' ').append(l.text())
                .append(l.details().isEmpty() ? "" : "\n    " + String.join("\n    ", l.details())));
        return out.toString();
    }

    @Test
    void theDefaultDeploymentPassesEveryCheckAndEveryRequest() {
        TestDeployment deployment = new TestDeployment();
        List<Line> lines = check(deployment);
        assertTrue(lines.stream().allMatch(l -> l.status() == Status.PASS), render(lines));
        List<Line> requests = new RequestEvaluation(questions, CLOCK).evaluate(deployment.build());
        assertEquals(3, requests.size(), render(requests));
        assertTrue(requests.stream().allMatch(l -> l.status() == Status.PASS), render(requests));
    }

    /** The template writes the resource policy with the execute-api:/ shorthand; it must still match. */
    @Test
    void aResourcePolicyInTheShorthandIsExpandedForTheApi() {
        List<Line> requests = new RequestEvaluation(questions, CLOCK).evaluate(new TestDeployment().build());
        assertTrue(requests.get(0).details().get(0).contains("statement \"AllowListedPrincipals\""),
                render(requests));
    }

    /**
     * API Gateway developer guide, "Invoke a private API": without private DNS a private API is called through the
     * endpoint-specific hostname ({@code vpce-...-....execute-api.REGION.vpce.amazonaws.com}) with the API named in
     * the {@code x-apigw-api-id} header; with private DNS, the API's own name resolves to the endpoint.
     */
    @Test
    void withPrivateDnsOffTheRegionalNameOfTheEndpointIsUsed() {
        TestDeployment deployment = new TestDeployment();
        deployment.privateDns = false;
        deployment.directEnv.put("PRIVATE_DNS_ENABLED", "False");
        only(check(deployment), Status.PASS, "direct client: PRIVATE_DNS_ENABLED is False and VPCE_DNS_NAMES gives "
                + ENDPOINT + "-4mn1kr2v.execute-api.us-east-1.vpce.amazonaws.com, the regional name of endpoint");
    }

    @Test
    void withPrivateDnsOffTheNamesMustBeThisEndpoints() {
        TestDeployment deployment = new TestDeployment();
        deployment.directEnv.put("PRIVATE_DNS_ENABLED", "False");
        deployment.directEnv.put("VPCE_DNS_NAMES", "Z1:vpce-0fff-aaaa.execute-api.us-east-1.vpce.amazonaws.com");
        Line line = only(check(deployment), Status.FAIL, "direct client: VPCE_DNS_NAMES gives "
                + "vpce-0fff-aaaa.execute-api.us-east-1.vpce.amazonaws.com, which is not a name of endpoint " + ENDPOINT);
        assertTrue(line.details().get(0).startsWith("fix: update the consumer stack private-api-client"),
                line.details().toString());
    }

    @Test
    void withPrivateDnsOffAndOnlyZonalNamesTheClientFailsAtInit() {
        TestDeployment deployment = new TestDeployment();
        deployment.directEnv.put("PRIVATE_DNS_ENABLED", "False");
        deployment.directEnv.put("VPCE_DNS_NAMES", "Z1:" + ENDPOINT
                + "-4mn1kr2v-us-east-1a.execute-api.us-east-1.vpce.amazonaws.com");
        only(check(deployment), Status.FAIL, "has no regional endpoint name: the function fails at init");
    }

    @Test
    void aPrivateDnsSettingThatIsNotABooleanFailsAtInit() {
        TestDeployment deployment = new TestDeployment();
        deployment.assumeEnv.put("PRIVATE_DNS_ENABLED", "yes");
        only(check(deployment), Status.FAIL, "assume-role client: PRIVATE_DNS_ENABLED is yes, not True or False");
    }

    @Test
    void rulesByAddressRangeCountWhenTheyCoverTheSubnets() {
        TestDeployment deployment = new TestDeployment();
        deployment.groups.put("sg-endpoint", new SecurityGroupView("sg-endpoint", "vpc-1",
                List.of(rule("tcp", 443, 443, List.of(), List.of("10.20.0.0/16"))), List.of()));
        only(check(deployment), Status.PASS, "direct client → execute-api endpoint " + ENDPOINT
                + ": HTTPS allowed out of sg-client and into sg-endpoint");
        deployment.groups.put("sg-endpoint", new SecurityGroupView("sg-endpoint", "vpc-1",
                List.of(rule("tcp", 443, 443, List.of(), List.of("10.20.1.0/24"))), List.of()));
        Line line = only(check(deployment), Status.FAIL, "direct client → execute-api endpoint");
        assertTrue(line.text().contains("no ingress rule of sg-endpoint allows HTTPS"), line.text());
    }

    @Test
    void anEgressRuleForAnotherPortIsNotEnough() {
        TestDeployment deployment = new TestDeployment();
        deployment.groups.put("sg-client", new SecurityGroupView("sg-client", "vpc-1", List.of(),
                List.of(rule("tcp", 80, 80, List.of("sg-endpoint"), List.of()))));
        Line line = only(check(deployment), Status.FAIL, "direct client → execute-api endpoint");
        assertTrue(line.text().contains("no egress rule of sg-client allows HTTPS (tcp 443) to the endpoint's group "
                + "sg-endpoint"), line.text());
        assertTrue(line.details().get(0).contains("aws ec2 authorize-security-group-egress --group-id sg-client "
                + "--ip-permissions 'IpProtocol=tcp,FromPort=443,ToPort=443,UserIdGroupPairs=[{GroupId=sg-endpoint}]'"),
                line.details().toString());
    }

    @Test
    void aFunctionInAnotherVpcCannotReachTheEndpoint() {
        TestDeployment deployment = new TestDeployment();
        deployment.subnets.put("subnet-a", new SubnetView("subnet-a", "vpc-2", "10.30.0.0/24"));
        only(check(deployment), Status.FAIL, "direct client → execute-api endpoint " + ENDPOINT
                + ": the function runs in vpc-2, the endpoint is in vpc-1");
    }

    @Test
    void anStsEndpointWithoutPrivateDnsIsNotUsed() {
        TestDeployment deployment = new TestDeployment();
        deployment.stsEndpoints.set(0, new EndpointView("vpce-0sts", "vpc-1", "com.amazonaws.us-east-1.sts",
                "available", null, false, List.of(), List.of("sg-endpoint"), List.of("subnet-e")));
        only(check(deployment), Status.FAIL, "assume-role client → STS: STS endpoint vpce-0sts has private DNS off");
    }

    @Test
    void anAccountInTheAccessListDelegatesToTheRolesOwnPolicies() {
        TestDeployment deployment = new TestDeployment();
        deployment.providerParameters.put("pAPIAccessList", TestDeployment.CONSUMER);
        only(check(deployment), Status.PASS, "pAPIAccessList of the provider stack names the consumer account "
                + TestDeployment.CONSUMER);
    }

    @Test
    void aFixForAValueTheStackAlreadyHasSaysTheResourceWasChangedOutsideIt() {
        TestDeployment deployment = new TestDeployment();
        deployment.directEnv.put("API_PREFIX", "/Dev");
        Line line = only(check(deployment), Status.FAIL, "direct client: API_PREFIX is /Dev");
        assertEquals("fix: the consumer stack private-api-client (profile consumer) already has pAPIPrefix=/Prod, so "
                + "the resource was changed outside CloudFormation: update the stack to restore it (./deploy-all.sh "
                + "does)", line.details().get(0));
    }
}
