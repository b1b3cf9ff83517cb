/**
 * JMH benchmarks of the rehearsal: the gateway's own work per request, with the function answering at once.
 *
 * <p>It measures; it must not change what it measures (the gateway is built as the rehearsal builds it) or be
 * needed by anything else.
 */
package com.example.privateapi.benchmarks;
