/**
 * AWS Signature Version 4 verification: the Authorization header and presigned forms, canonical requests,
 * credential scope, the five-minute clock skew, and why a signature is refused.
 *
 * <p>It must not know which service is called beyond the signing name, nor authorization: a valid signature says
 * who signed, not what they may do.
 */
package com.example.privateapi.rehearsal.sigv4;
