package com.example.privateapi.diagnose.model;

import java.time.Instant;

/**
 * When the API's resource policy last changed, as far as CloudFormation tells.
 *
 * @param at     the time
 * @param source what the time is, e.g. {@code RestApi resource PrivateApi of stack X last updated}
 */
public record PolicyChange(Instant at, String source) {
}
