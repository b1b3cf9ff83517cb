/**
 * The {@code run-local.sh} commands: the rehearsal of deploy-all.sh and invoke.sh (the local cloud, the deploy flow
 * and its hand-off, serve mode) and the cold-start benchmark. Puts the other packages together; owns no AWS
 * behaviour itself: SigV4, IAM, API Gateway, STS, Lambda and the templates are modelled in their own packages.
 */
package com.example.privateapi.rehearsal.local;
