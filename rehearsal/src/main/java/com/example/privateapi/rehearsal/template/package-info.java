/**
 * Reads the project's CloudFormation/SAM templates as CloudFormation and the SAM transform would deploy them:
 * parameters and their checks, conditions, intrinsics, nested stacks and the SAM expansion, into a model of what the
 * rehearsal acts on (APIs, roles, endpoints, functions, tables, outputs).
 *
 * <p>It must not start or call anything: no services, processes or network; deploying the model is the local
 * package's job.
 */
package com.example.privateapi.rehearsal.template;
