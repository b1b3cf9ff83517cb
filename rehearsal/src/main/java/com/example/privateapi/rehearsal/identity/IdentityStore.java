package com.example.privateapi.rehearsal.identity;

import com.example.privateapi.iam.Policy;
import com.example.privateapi.iam.Principal;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rehearsal's IAM: roles and users of its accounts, and every key pair it issued. Thread-safe.
 */
public final class IdentityStore {

    private static final String UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String SECRET_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Role> roles = new ConcurrentHashMap<>();
    private final Map<String, List<Policy>> userPolicies = new ConcurrentHashMap<>();
    private final Map<String, Credentials> keys = new ConcurrentHashMap<>();

    public IdentityStore(Clock clock) {
        this.clock = clock;
    }

    public void putRole(Role role) {
        roles.put(role.arn(), role);
    }

    public Optional<Role> role(String arn) {
        return Optional.ofNullable(roles.get(arn));
    }

    /** Creates an IAM user with long-term ({@code AKIA...}) keys and its identity policies, parsed. */
    public Credentials createUser(String accountId, String userName, List<Policy> policies) {
        String arn = "arn:aws:iam::" + accountId + ":user/" + userName;
        userPolicies.put(arn, List.copyOf(policies));
        Credentials credentials = new Credentials("AKIA" + randomId(16), randomSecret(), null, null,
                new Principal(arn, accountId, "AIDA" + randomId(17), null));
        keys.put(credentials.accessKeyId(), credentials);
        return credentials;
    }

    /** Registers a key pair whose values are fixed elsewhere (published test vectors, for instance). */
    public void registerKeys(Credentials credentials, List<Policy> policies) {
        if (credentials.principal().roleArn() == null) {
            userPolicies.put(credentials.principal().arn(), List.copyOf(policies));
        }
        keys.put(credentials.accessKeyId(), credentials);
    }

    /**
     * Issues session ({@code ASIA...}) credentials for a role. No policy is checked here: STS checks before
     * calling this, and the Lambda service is trusted by the execution role's trust policy.
     */
    public Credentials startRoleSession(Role role, String sessionName, Duration duration) {
        Instant expiration = clock.instant().plus(duration);
        Credentials credentials = new Credentials("ASIA" + randomId(16), randomSecret(), sessionToken(),
                expiration, Principal.roleSession(role.arn(), role.roleId(), sessionName));
        keys.put(credentials.accessKeyId(), credentials);
        return credentials;
    }

    public KeyLookup lookup(String accessKeyId, String sessionToken) {
        Credentials credentials = keys.get(accessKeyId);
        if (credentials == null) {
            return new KeyLookup.UnknownKey();
        }
        if (credentials.sessionToken() == null) {
            return sessionToken == null || sessionToken.isEmpty() ? new KeyLookup.Found(credentials)
                    : new KeyLookup.BadSessionToken();
        }
        if (sessionToken == null || !MessageDigest.isEqual(credentials.sessionToken().getBytes(StandardCharsets.UTF_8),
                sessionToken.getBytes(StandardCharsets.UTF_8))) {
            return new KeyLookup.BadSessionToken();
        }
        if (!clock.instant().isBefore(credentials.expiration())) {
            return new KeyLookup.Expired(credentials);
        }
        return new KeyLookup.Found(credentials);
    }

    /** The identity-based policies of the principal: its role's for a role session, its own for a user. */
    public List<Policy> identityPolicies(Principal principal) {
        if (principal.roleArn() != null) {
            Role role = roles.get(principal.roleArn());
            return role == null ? List.of() : role.identityPolicies();
        }
        return userPolicies.getOrDefault(principal.arn(), List.of());
    }

    /** A role id as AWS shapes them: {@code AROA} and 17 characters. */
    public String newRoleId() {
        return "AROA" + randomId(17);
    }

    private String randomId(int length) {
        StringBuilder id = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            id.append(UPPER_ALNUM.charAt(random.nextInt(UPPER_ALNUM.length())));
        }
        return id.toString();
    }

    private String randomSecret() {
        StringBuilder secret = new StringBuilder(40);
        for (int i = 0; i < 40; i++) {
            secret.append(SECRET_CHARS.charAt(random.nextInt(SECRET_CHARS.length())));
        }
        return secret.toString();
    }

    private String sessionToken() {
        byte[] token = new byte[180];
        random.nextBytes(token);
        return "IQoJb3JpZ2luX2Vj" + Base64.getEncoder().encodeToString(token);
    }
}
