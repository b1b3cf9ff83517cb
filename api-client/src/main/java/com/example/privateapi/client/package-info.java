/**
 * The consumer account's client functions: they call the provider's private API through the execute-api VPC
 * endpoint, signed with SigV4 by the SDK's signer, as the function's own role ({@link
 * com.example.privateapi.client.DirectAuthHandler}) or as the provider's role assumed through STS ({@link
 * com.example.privateapi.client.AssumeRoleHandler}). Owns their configuration, credentials (explicit providers,
 * renewed after a SnapStart restore), the AssumeRole call and the SnapStart priming. Knows nothing of the backend's
 * code or of the offline rehearsal: it reads the standard environment (AWS_ENDPOINT_URL_STS, container credentials)
 * and nothing else.
 */
package com.example.privateapi.client;
