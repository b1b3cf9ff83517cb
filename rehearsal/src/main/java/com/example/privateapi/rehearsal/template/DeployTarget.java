package com.example.privateapi.rehearsal.template;

/**
 * Where a stack is deployed.
 *
 * @param accountId the account
 * @param region    the region
 * @param stackName the stack name; physical ids depend on it and on logical ids only, so an update keeps them
 */
public record DeployTarget(String accountId, String region, String stackName) {
}
