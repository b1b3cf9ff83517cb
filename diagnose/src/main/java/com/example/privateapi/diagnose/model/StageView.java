package com.example.privateapi.diagnose.model;

import java.time.Instant;

/**
 * An API stage and the deployment it serves.
 *
 * @param name         the stage name
 * @param deploymentId the deployment it serves
 * @param deployedAt   when that deployment was created, or null when it could not be read
 * @param accessLogArn the access log destination (a log group ARN), or null when there is none
 */
public record StageView(String name, String deploymentId, Instant deployedAt, String accessLogArn) {
}
