package com.example.privateapi.iam;

import java.util.List;
import java.util.Objects;

/**
 * A policy parsed and checked once, when it is attached (a stack is applied, a simulation is read), so that a
 * malformed policy is refused there, naming the policy, and never when a request is evaluated. Immutable.
 */
public final class Policy {

    private final NamedPolicy source;
    private final PolicyKind kind;
    private final boolean substitutesVariables;
    private final List<Statement> statements;

    private Policy(NamedPolicy source, PolicyKind kind, boolean substitutesVariables, List<Statement> statements) {
        this.source = source;
        this.kind = kind;
        this.substitutesVariables = substitutesVariables;
        this.statements = List.copyOf(statements);
    }

    /**
     * Parses and checks a policy for where it is attached.
     *
     * @throws PolicyException naming the policy, the statement and the element that is not valid
     */
    public static Policy parse(NamedPolicy policy, PolicyKind kind) {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(kind, "kind");
        PolicyParser.Parsed parsed = PolicyParser.parse(policy, kind);
        return new Policy(policy, kind, parsed.substitutesVariables(), parsed.statements());
    }

    /** {@link #parse(NamedPolicy, PolicyKind)} of a name and a JSON document. */
    public static Policy parse(String name, String document, PolicyKind kind) {
        return parse(new NamedPolicy(name, document), kind);
    }

    /** How explanations name this policy. */
    public String name() {
        return source.name();
    }

    /** The JSON text as given. */
    public String document() {
        return source.document();
    }

    public PolicyKind kind() {
        return kind;
    }

    public NamedPolicy source() {
        return source;
    }

    /**
     * Whether {@code ${...}} policy variables are replaced: only with {@code "Version": "2012-10-17"} (IAM policy
     * elements: Variables and tags, "Introduction": without it variables are literal strings).
     */
    boolean substitutesVariables() {
        return substitutesVariables;
    }

    List<Statement> statements() {
        return statements;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Policy other && source.equals(other.source) && kind == other.kind;
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, kind);
    }

    @Override
    public String toString() {
        return kind.label() + " policy \"" + source.name() + "\"";
    }
}
