package com.example.privateapi.rehearsal.http;

import java.util.List;
import java.util.Map;

/**
 * An answer: status, header fields (the listener adds Content-Length, Date and Connection) and body.
 *
 * @param status  HTTP status
 * @param headers field name to values
 * @param body    the body bytes
 */
public record HttpResponse(int status, Map<String, List<String>> headers, byte[] body) {
}
