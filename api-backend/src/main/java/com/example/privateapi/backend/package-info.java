/**
 * The provider account's backend function: answers the private API's proxy events, records each request in
 * DynamoDB and reads it back. Owns its configuration, the table mapping, its DynamoDB client (explicit credentials
 * provider, renewed after a SnapStart restore) and its SnapStart priming. Knows nothing of the clients or of the
 * offline rehearsal.
 */
package com.example.privateapi.backend;
