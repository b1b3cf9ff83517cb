package com.example.privateapi.client;

import com.google.gson.stream.JsonWriter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;

/**
 * The API's answer as the client functions return it.
 *
 * @param statusCode HTTP status
 * @param body       the body text
 */
public record ApiResponse(int statusCode, String body) {

    /** {@code {"statusCode": ..., "body": ...}}, the shape the functions return to their invoker. */
    public void writeJson(OutputStream out) throws IOException {
        JsonWriter json = new JsonWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        json.beginObject().name("statusCode").value(statusCode).name("body").value(body).endObject();
        json.flush();
    }
}
