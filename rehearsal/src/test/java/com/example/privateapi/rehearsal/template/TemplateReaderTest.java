package com.example.privateapi.rehearsal.template;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reader on small templates: each intrinsic, each parameter check, the SAM expansion, the errors. */
class TemplateReaderTest {

    static final Path DIR = Path.of("src", "test", "resources", "templates");
    static final DeployTarget TARGET = new DeployTarget("123456789012", "us-east-1", "demo-stack");
    final TemplateReader reader = new TemplateReader();

    @Test
    void everyIntrinsicIsEvaluated() {
        Map<String, String> out = reader.deploy(DIR.resolve("intrinsics.yaml"), Map.of(), TARGET).outputs();
        assertEquals("demo-stack/us-east-1/123456789012/aws/amazonaws.com", out.get("Sub"));
        assertEquals("Hello, demo! ${Literal}", out.get("SubWithVariables"));
        assertEquals("a+b+c", out.get("Join"));
        assertEquals("y", out.get("Split"));
        assertEquals("c", out.get("Select"));
        assertEquals("yes-branch", out.get("If"));
        assertEquals("else-branch", out.get("IfNo"));
        assertEquals("both,neither", out.get("Conditions"));
        assertEquals("arn:aws:dynamodb:us-east-1:123456789012:table/demo-table", out.get("GetAttArn"));
        assertEquals(out.get("GetAttArn"), out.get("GetAttLong"));
        assertEquals("demo-table", out.get("RefResource"));
        assertEquals("512", out.get("FindInMap"));
        assertEquals("aGk=", out.get("Base64"));
        assertEquals("us-east-1a", out.get("Azs"));
        assertEquals("10.0.0.0/24,10.0.1.0/24", out.get("Cidr"));
        assertFalse(out.containsKey("Conditional"), "an output whose condition is false is absent");
    }

    @Test
    void noValueAndConditionsFollowTheParameters() {
        Map<String, String> out = reader.deploy(DIR.resolve("intrinsics.yaml"),
                Map.of("pFlag", "No", "pName", "other"), TARGET).outputs();
        assertEquals("no", out.get("If"));
        assertTrue(out.get("RefResource").startsWith("demo-stack-Table-"),
                "AWS::NoValue removed TableName, so the name is generated: " + out.get("RefResource"));
        assertEquals("no-branch", out.get("IfNo"));
        assertEquals("not-both,either", out.get("Conditions"));
        assertEquals("absent-by-default", out.get("Conditional"));
    }

    @Test
    void physicalIdsDependOnlyOnStackAndLogicalIds() {
        DeployedStack first = reader.deploy(DIR.resolve("sam.yaml"), Map.of(), TARGET);
        DeployedStack again = reader.deploy(DIR.resolve("sam.yaml"), Map.of(), TARGET);
        DeployedStack other = reader.deploy(DIR.resolve("sam.yaml"), Map.of(),
                new DeployTarget("123456789012", "us-east-1", "other-stack"));
        assertEquals(first.apis().get(0).id(), again.apis().get(0).id());
        assertFalse(first.apis().get(0).id().equals(other.apis().get(0).id()));
        assertTrue(first.apis().get(0).id().matches("[a-z0-9]{10}"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "pPattern|ABC|parameters.yaml: Parameter 'pPattern' must match pattern [a-z]+ (got 'ABC')",
        "pConstraint|ABC|parameters.yaml: Parameter 'pConstraint' failed to satisfy constraint: must be lower-case letters (got 'ABC')",
        "pAllowed|Maybe|parameters.yaml: Parameter 'pAllowed' must be one of AllowedValues [Yes, No], got 'Maybe'",
        "pNumber|ten|parameters.yaml: Parameter 'pNumber' must be a number, got 'ten'",
        "pNumber|0|parameters.yaml: Parameter 'pNumber' must be a number not less than 1",
        "pNumber|11|parameters.yaml: Parameter 'pNumber' must be a number not greater than 10",
        "pLength|a|parameters.yaml: Parameter 'pLength' must contain at least 2 characters",
        "pLength|abcde|parameters.yaml: Parameter 'pLength' must contain at most 4 characters",
        "pVpc|vpc-xyz|parameters.yaml: Parameter 'pVpc' must be a valid AWS::EC2::VPC::Id, got 'vpc-xyz'",
        "pSubnets|subnet-0123456789abcdef0,nope|parameters.yaml: Parameter 'pSubnets' must be a valid AWS::EC2::Subnet::Id, got 'nope'",
        "pUnknown|x|parameters.yaml: Parameters: [pUnknown] do not exist in the template",
    })
    void eachParameterCheckSaysWhatIsWrong(String name, String value, String message) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("pRequired", "given");
        params.put(name, value);
        TemplateException e = assertThrows(TemplateException.class,
                () -> reader.deploy(DIR.resolve("parameters.yaml"), params, TARGET));
        assertEquals(message, e.getMessage());
    }

    @Test
    void aParameterWithoutValueOrDefaultIsRefused() {
        TemplateException e = assertThrows(TemplateException.class,
                () -> reader.deploy(DIR.resolve("parameters.yaml"), Map.of(), TARGET));
        assertEquals("parameters.yaml: Parameters: [pRequired] must have values", e.getMessage());
    }

    @Test
    void listParametersAreSplitOnCommas() {
        DeployedStack stack = reader.deploy(DIR.resolve("parameters.yaml"), Map.of("pRequired", "x"), TARGET);
        assertEquals("subnet-0123456789abcdef0|subnet-0123456789abcdef1", stack.outputs().get("Subnets"));
    }

    @Test
    void samFunctionsGetAGeneratedRoleWithTheirPoliciesAndApiEventsBecomeRoutes() {
        DeployedStack stack = reader.deploy(DIR.resolve("sam.yaml"), Map.of(), TARGET);
        Model.LambdaFunction fn = stack.functions().get(0);
        assertEquals("example.Handler::handleRequest", fn.handler());
        assertEquals(DIR.resolve("build/fn.jar").normalize(), fn.codePath());
        assertEquals(Duration.ofSeconds(20), fn.timeout(), "Globals apply");
        assertEquals(256, fn.memoryMb());
        assertTrue(fn.inVpc());
        assertEquals(stack.tables().get(0).name(), fn.environment().get("TABLE"));

        Model.IamRole role = stack.roles().get(0);
        assertEquals("FnRole", role.logicalId());
        assertEquals(fn.roleArn(), role.arn());
        assertEquals(stack.outputs().get("RoleArn"), role.arn());
        assertTrue(role.trustPolicy().contains("lambda.amazonaws.com"));
        List<String> documents = role.policies().stream().map(p -> p.name() + " " + p.document()).toList();
        assertTrue(documents.stream().anyMatch(d -> d.contains("AWSLambdaBasicExecutionRole")
                && d.contains("logs:PutLogEvents")), documents.toString());
        assertTrue(documents.stream().anyMatch(d -> d.contains("AWSLambdaVPCAccessExecutionRole")));
        assertTrue(documents.stream().anyMatch(d -> d.contains("AWSXrayWriteOnlyAccess")));
        assertTrue(documents.stream().anyMatch(d -> d.contains("FnRolePolicy0") && d.contains("dynamodb:GetItem")
                && d.contains("arn:aws:dynamodb:us-east-1:123456789012:table/" + stack.tables().get(0).name())),
                documents.toString());
        assertTrue(documents.stream().anyMatch(d -> d.contains("sqs:SendMessage")));

        Model.RestApi api = stack.apis().get(0);
        assertEquals(List.of("Beta", "Stage"), api.stages().stream().map(Model.Stage::name).sorted().toList(),
                "without OpenApiVersion SAM's deployment also creates the stage named Stage");
        assertEquals("PRIVATE", api.endpointType());
        assertEquals(List.of(new Model.Route("GET", "/things/{id}", "AWS_IAM", fn.arn(), "arn:aws:iam::*:user/*")),
                api.routes(), "SAM's default integration credentials for AWS_IAM: the caller's");
        Model.LambdaPermission permission = stack.resources().permissions().get(0);
        assertEquals("apigateway.amazonaws.com", permission.principal());
        assertEquals("arn:aws:execute-api:us-east-1:123456789012:" + api.id() + "/*/GET/things/*",
                permission.sourceArn());
        assertEquals("execute-api:/*", JsonParser.parseString(api.resourcePolicy()).getAsJsonObject()
                .getAsJsonArray("Statement").get(0).getAsJsonObject().get("Resource").getAsString());
    }

    @Test
    void aSamPropertyTheRehearsalDoesNotSupportIsRefusedByNameNeverDropped() {
        TemplateException e = assertThrows(TemplateException.class,
                () -> reader.deploy(DIR.resolve("sam-unsupported.yaml"), Map.of(), TARGET));
        assertEquals("sam-unsupported.yaml: Resources.Fn.Properties.Layers: not supported by the rehearsal",
                e.getMessage());
    }

    @Test
    void unsupportedConstructsNameTheTemplateAndThePath() {
        TemplateException type = assertThrows(TemplateException.class,
                () -> reader.deploy(DIR.resolve("unsupported.yaml"), Map.of(), TARGET));
        assertEquals("unsupported.yaml: Resources.Queue.Type: resource type AWS::SQS::Queue is not supported by the "
                + "rehearsal", type.getMessage());
        TemplateException function = assertThrows(TemplateException.class,
                () -> reader.deploy(DIR.resolve("import.yaml"), Map.of(), TARGET));
        assertEquals("import.yaml: Resources.Group.Properties.LogGroupName.Fn::ImportValue: Fn::ImportValue is not "
                + "supported by the rehearsal", function.getMessage());
        TemplateException missing = assertThrows(TemplateException.class,
                () -> reader.deploy(DIR.resolve("nowhere.yaml"), Map.of(), TARGET));
        assertTrue(missing.getMessage().endsWith("nowhere.yaml: no such template"), missing.getMessage());
    }
}
