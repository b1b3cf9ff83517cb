package com.example.privateapi.rehearsal.cli;

import com.example.privateapi.iam.AuthorizationRequest;
import com.example.privateapi.iam.DecisionJson;
import com.example.privateapi.iam.NamedPolicy;
import com.example.privateapi.iam.PolicyEvaluator;
import com.example.privateapi.iam.PolicyException;
import com.example.privateapi.iam.Principal;
import com.example.privateapi.iam.apigateway.ExecuteApiArn;
import com.example.privateapi.iam.apigateway.ResourcePolicyShorthand;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.MalformedJsonException;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code simulate FILE}: evaluates one simulation, or a JSON array of them, with the IAM evaluator and prints each
 * decision with its explanation as JSON. Invalid input exits 2 with one line naming the simulation and the field, or
 * where the JSON breaks.
 */
public final class SimulateCommand {

    private static final Pattern ROLE = Pattern.compile("arn:aws:iam::(\\d{12}):role/(?:[\\w+=,.@/-]*/)?([\\w+=,.@-]+)");
    private static final Pattern SESSION = Pattern.compile("arn:aws:sts::(\\d{12}):assumed-role/([\\w+=,.@-]+)/([\\w+=,.@-]+)");
    private static final Pattern USER = Pattern.compile("arn:aws:iam::(\\d{12}):user/(?:[\\w+=,.@/-]*/)?[\\w+=,.@-]+");
    private static final Pattern ROOT = Pattern.compile("(?:arn:aws:iam::)?(\\d{12})(?::root)?");

    private final InputStream stdin;

    public SimulateCommand() {
        this(System.in);
    }

    SimulateCommand(InputStream stdin) {
        this.stdin = stdin;
    }

    /** Bad input: the message names the simulation and the field. */
    static final class InvalidInput extends Exception {
        InvalidInput(String message) {
            super(message);
        }
    }

    /** Evaluates the simulations in {@code file}, {@code -} for standard input. */
    public int run(String file, PrintStream out, PrintStream err) {
        String source = file.equals("-") ? "standard input" : file;
        try {
            JsonElement input = parse(source, read(file));
            boolean many = input.isJsonArray();
            List<JsonElement> simulations = new ArrayList<>();
            if (many) {
                input.getAsJsonArray().forEach(simulations::add);
            } else {
                simulations.add(input);
            }
            if (simulations.isEmpty()) {
                throw new InvalidInput(source + " holds an empty array: expected at least one simulation");
            }
            PolicyEvaluator evaluator = new PolicyEvaluator();
            JsonArray results = new JsonArray();
            for (int i = 0; i < simulations.size(); i++) {
                String where = "simulation #" + (i + 1);
                AuthorizationRequest request = request(where, simulations.get(i));
                try {
                    results.add(DecisionJson.of(evaluator.evaluate(request)));
                } catch (PolicyException e) {
                    throw new InvalidInput(where + ": " + e.getMessage());
                }
            }
            out.println(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create()
                    .toJson(many ? results : results.get(0)));
            return ExitStatus.OK;
        } catch (InvalidInput e) {
            err.println("simulate: " + e.getMessage());
            return ExitStatus.USAGE;
        } catch (NoSuchFileException e) {
            err.println("simulate: " + file + ": no such file (give a JSON file of simulations, or - to read "
                    + "standard input)");
            return ExitStatus.USAGE;
        } catch (IOException e) {
            err.println("simulate: cannot read " + source + ": " + e.getMessage());
            return ExitStatus.USAGE;
        }
    }

    private String read(String file) throws IOException {
        Path path = Path.of(file);
        if (!file.equals("-") && Files.isDirectory(path)) {
            throw new IOException("it is a folder, not a file");
        }
        return file.equals("-") ? new String(stdin.readAllBytes(), StandardCharsets.UTF_8)
                : Files.readString(path, StandardCharsets.UTF_8);
    }

    /** Strict JSON, as the README documents: one value, no comments or trailing text. */
    static JsonElement parse(String source, String text) throws InvalidInput {
        if (text.isBlank()) {
            throw new InvalidInput(source + " is empty: expected one simulation (a JSON object) or a JSON array of "
                    + "them (see README)");
        }
        try {
            JsonReader reader = new JsonReader(new StringReader(text));
            reader.setStrictness(Strictness.STRICT);
            JsonElement element = JsonParser.parseReader(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new MalformedJsonException("more text after the JSON value at " + reader.getPath());
            }
            return element;
        } catch (JsonParseException | IOException | IllegalStateException e) {
            Throwable cause = e instanceof JsonParseException && e.getCause() != null ? e.getCause() : e;
            String reason = String.valueOf(cause.getMessage()).lines().findFirst().orElse("");
            if (cause instanceof EOFException) {
                reason = "the input ends too early: " + reason;
            }
            // Gson's advice is for programmers; what the user needs is what strict JSON asks of them.
            reason = reason.replaceFirst("^Use JsonReader\\.setStrictness\\(Strictness\\.LENIENT\\) to accept malformed JSON",
                    "not strict JSON (quote every name and string; no comments, no text after the value)");
            throw new InvalidInput(source + " is not valid JSON: " + reason);
        }
    }

    static AuthorizationRequest request(String where, JsonElement element) throws InvalidInput {
        if (!element.isJsonObject()) {
            throw new InvalidInput(where + " must be a JSON object");
        }
        JsonObject s = element.getAsJsonObject();
        for (String key : s.keySet()) {
            if (!List.of("principal", "action", "resource", "resourceAccount", "context", "identityPolicies",
                    "resourcePolicy", "endpointPolicy").contains(key)) {
                throw new InvalidInput(where + ": unknown field \"" + key + "\"");
            }
        }
        Principal principal = principal(where, string(where, s, "principal"));
        String action = string(where, s, "action");
        if (!action.matches("[A-Za-z0-9-]+:[A-Za-z0-9*?]+")) {
            throw new InvalidInput(where + ": \"action\" must look like service:Action, got \"" + action + "\"");
        }
        String resource = string(where, s, "resource");
        String resourceAccount;
        if (s.has("resourceAccount") && !s.get("resourceAccount").isJsonNull()) {
            resourceAccount = string(where, s, "resourceAccount");
        } else {
            String[] arn = resource.split(":", 6);
            if (arn.length < 6 || !arn[4].matches("\\d{12}")) {
                throw new InvalidInput(where + ": \"resourceAccount\" is required when \"resource\" names no account");
            }
            resourceAccount = arn[4];
        }
        if (!resourceAccount.matches("\\d{12}")) {
            throw new InvalidInput(where + ": \"resourceAccount\" must be a 12-digit account id");
        }
        return new AuthorizationRequest(principal, action, resource, resourceAccount, context(where, s),
                identityPolicies(where, s), resourcePolicy(where, s, resource), policy(where, s, "endpointPolicy"));
    }

    static Principal principal(String where, String value) throws InvalidInput {
        if (value.equals("anonymous") || value.equals("*")) {
            return Principal.anonymous();
        }
        Matcher m;
        if ((m = SESSION.matcher(value)).matches()) {
            return new Principal(value, m.group(1), "AROA" + id(m.group(2)) + ":" + m.group(3),
                    "arn:aws:iam::" + m.group(1) + ":role/" + m.group(2));
        }
        if ((m = ROLE.matcher(value)).matches()) {
            return Principal.roleSession(value, "AROA" + id(m.group(2)), "simulation");
        }
        if ((m = USER.matcher(value)).matches()) {
            return new Principal(value, m.group(1), "AIDA" + id(value), null);
        }
        if ((m = ROOT.matcher(value)).matches()) {
            return new Principal("arn:aws:iam::" + m.group(1) + ":root", m.group(1), m.group(1), null);
        }
        if (value.endsWith(".amazonaws.com") && !value.contains(":")) {
            return Principal.service(value);
        }
        throw new InvalidInput(where + ": \"principal\" must be a role, assumed-role session, user or account ARN, "
                + "an account id, a service name or \"anonymous\", got \"" + value + "\"");
    }

    private static String id(String seed) {
        return Integer.toHexString(seed.hashCode()).toUpperCase() + "SIMULATED";
    }

    private static Map<String, List<String>> context(String where, JsonObject s) throws InvalidInput {
        Map<String, List<String>> context = new LinkedHashMap<>();
        if (!s.has("context") || s.get("context").isJsonNull()) {
            return context;
        }
        if (!s.get("context").isJsonObject()) {
            throw new InvalidInput(where + ": \"context\" must be an object of key to string or array of strings");
        }
        for (Map.Entry<String, JsonElement> e : s.getAsJsonObject("context").entrySet()) {
            List<String> values = new ArrayList<>();
            if (e.getValue().isJsonArray()) {
                for (JsonElement v : e.getValue().getAsJsonArray()) {
                    if (!v.isJsonPrimitive()) {
                        throw new InvalidInput(where + ": \"context\".\"" + e.getKey() + "\" must hold strings");
                    }
                    values.add(v.getAsString());
                }
            } else if (e.getValue().isJsonPrimitive()) {
                values.add(e.getValue().getAsString());
            } else {
                throw new InvalidInput(where + ": \"context\".\"" + e.getKey() + "\" must be a string or an array");
            }
            context.put(e.getKey(), values);
        }
        return context;
    }

    private static List<NamedPolicy> identityPolicies(String where, JsonObject s) throws InvalidInput {
        List<NamedPolicy> policies = new ArrayList<>();
        if (!s.has("identityPolicies") || s.get("identityPolicies").isJsonNull()) {
            return policies;
        }
        if (!s.get("identityPolicies").isJsonArray()) {
            throw new InvalidInput(where + ": \"identityPolicies\" must be an array of policies");
        }
        JsonArray array = s.getAsJsonArray("identityPolicies");
        for (int i = 0; i < array.size(); i++) {
            policies.add(named(where + ": \"identityPolicies\"[" + i + "]", array.get(i), "identity policy #" + (i + 1)));
        }
        return policies;
    }

    /**
     * The resource policy as API Gateway would hold it: an {@code execute-api:/} shorthand is expanded for the API
     * the resource ARN names, as the gateway does, so a template's resource policy gives the gateway's answers.
     */
    private static NamedPolicy resourcePolicy(String where, JsonObject s, String resource) throws InvalidInput {
        NamedPolicy policy = policy(where, s, "resourcePolicy");
        if (policy == null || !ResourcePolicyShorthand.isUsedIn(policy.document())) {
            return policy;
        }
        ExecuteApiArn api = ExecuteApiArn.parse(resource).orElseThrow(() -> new InvalidInput(where
                + ": \"resourcePolicy\" uses the " + ResourcePolicyShorthand.PREFIX + " shorthand, which API Gateway "
                + "expands with the API's region, account and id, so \"resource\" must be the method's execute-api "
                + "ARN (arn:aws:execute-api:REGION:ACCOUNT:API_ID/STAGE/METHOD/PATH), got \"" + resource + "\""));
        return new NamedPolicy(policy.name(), ResourcePolicyShorthand.expand(policy.document(), api));
    }

    private static NamedPolicy policy(String where, JsonObject s, String field) throws InvalidInput {
        if (!s.has(field) || s.get(field).isJsonNull()) {
            return null;
        }
        return named(where + ": \"" + field + "\"", s.get(field), field.equals("resourcePolicy") ? "resource policy"
                : "endpoint policy");
    }

    private static NamedPolicy named(String where, JsonElement element, String defaultName) throws InvalidInput {
        if (!element.isJsonObject()) {
            throw new InvalidInput(where + " must be a policy object");
        }
        JsonObject policy = element.getAsJsonObject();
        if (policy.has("document")) {
            String name = policy.has("name") ? policy.get("name").getAsString() : defaultName;
            JsonElement document = policy.get("document");
            return new NamedPolicy(name, document.isJsonPrimitive() ? document.getAsString() : document.toString());
        }
        if (!policy.has("Statement")) {
            throw new InvalidInput(where + " is not a policy: it has no \"Statement\"");
        }
        return new NamedPolicy(defaultName, policy.toString());
    }

    private static String string(String where, JsonObject s, String field) throws InvalidInput {
        JsonElement value = s.get(field);
        if (value == null || value.isJsonNull()) {
            throw new InvalidInput(where + ": \"" + field + "\" is required");
        }
        if (!value.isJsonPrimitive() || value.getAsString().isBlank()) {
            throw new InvalidInput(where + ": \"" + field + "\" must be a non-empty string");
        }
        return value.getAsString();
    }
}
