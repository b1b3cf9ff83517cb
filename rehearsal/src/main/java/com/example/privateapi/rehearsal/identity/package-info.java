/**
 * The rehearsal's IAM state: roles with their trust and identity policies, the key pairs and session tokens issued
 * to them, and who owns a given access key.
 *
 * <p>It stores and looks up; it must not decide authorization (the iam-policy module does) nor know HTTP, STS's
 * protocol or templates.
 */
package com.example.privateapi.rehearsal.identity;
