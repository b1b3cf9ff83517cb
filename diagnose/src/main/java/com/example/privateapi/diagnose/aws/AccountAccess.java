package com.example.privateapi.diagnose.aws;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileProperty;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * How to reach one account: its credentials, its region and, for tests against a local AWS implementation, an
 * endpoint for every service. Against AWS the endpoint is null and the SDK finds its own (it also honours
 * {@code AWS_ENDPOINT_URL} and {@code AWS_ENDPOINT_URL_<SERVICE>}).
 *
 * @param profile     the profile name, for messages
 * @param region      the region
 * @param credentials the credentials provider
 * @param endpoints   service endpoint overrides by SDK service id ({@code ec2}, {@code lambda}, ...; {@code *} for
 *                    every service), empty against AWS
 */
public record AccountAccess(String profile, String region, AwsCredentialsProvider credentials,
                            Map<String, URI> endpoints) {

    public AccountAccess {
        endpoints = Map.copyOf(endpoints);
    }

    /** The endpoint override for a service, if any. */
    public Optional<URI> endpoint(String service) {
        return Optional.ofNullable(endpoints.getOrDefault(service, endpoints.get("*")));
    }

    /**
     * An account reached through a profile of the shared config and credentials files, in the region
     * {@code AWS_REGION} names or else the profile's, as the deploy scripts resolve it.
     *
     * @throws IllegalArgumentException when the profile does not exist or no region is known
     */
    public static AccountAccess fromProfile(String profile, Map<String, String> env) {
        ProfileFile files = ProfileFile.defaultProfileFile();
        var found = files.profile(profile);
        if (found.isEmpty()) {
            throw new IllegalArgumentException("profile '" + profile + "' is not in the AWS config or credentials "
                    + "file: create it with aws configure --profile " + profile);
        }
        String region = env.get("AWS_REGION");
        if (region == null || region.isBlank()) {
            region = found.get().property(ProfileProperty.REGION).orElse(null);
        }
        if (region == null || region.isBlank()) {
            throw new IllegalArgumentException("no region for profile '" + profile + "': set AWS_REGION or run: "
                    + "aws configure set region REGION --profile " + profile);
        }
        return new AccountAccess(profile, region.trim(),
                ProfileCredentialsProvider.builder().profileFile(files).profileName(profile).build(), Map.of());
    }
}
