package com.example.privateapi.diagnose.model;

/**
 * One of the two accounts, as the user named it.
 *
 * @param label   {@code consumer} or {@code provider}
 * @param profile the AWS CLI profile
 * @param region  the region the stacks are in
 * @param stack   the stack name ({@code CLIENT_STACK} or {@code BACKEND_STACK})
 */
public record Side(String label, String profile, String region, String stack) {
}
