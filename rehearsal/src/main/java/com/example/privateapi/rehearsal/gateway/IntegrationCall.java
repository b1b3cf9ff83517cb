package com.example.privateapi.rehearsal.gateway;

/**
 * What happened at the integration, for the access log's {@code integration} fields.
 *
 * @param status    the integration's status (200 when the function answered), or null when it did not answer
 * @param latency   milliseconds spent calling the function, or null when it was not called
 * @param error     why the integration failed, or null
 */
record IntegrationCall(Integer status, Long latency, String error) {

    static final IntegrationCall NOT_CALLED = new IntegrationCall(null, null, null);
}
