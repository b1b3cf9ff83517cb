/**
 * What the diagnosis read from the two accounts, as immutable values: stacks, the API and its stages, the
 * endpoint, security groups, subnets, functions, roles and access-log denials, each wrapped in a {@link
 * com.example.privateapi.diagnose.model.Read} that is either the value or why it could not be read.
 *
 * <p>Knows nothing of the AWS SDK, of the checks or of how the report is printed.
 */
package com.example.privateapi.diagnose.model;
