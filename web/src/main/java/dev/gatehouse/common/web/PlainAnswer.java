package dev.gatehouse.common.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * An answer outside JSF and JAX-RS, sent whole with its length stated: one write, never chunked.
 * Refusals are a sentence in exactly {@code text/plain}, because nx prints a 401's body to the
 * person and rejects one with any other Content-Type, parameters included.
 */
public final class PlainAnswer {

    private PlainAnswer() {
    }

    public static void sentence(HttpServletResponse response, int status, String sentence) throws IOException {
        send(response, status, "text/plain", (sentence + "\n").getBytes(StandardCharsets.UTF_8));
    }

    public static void send(HttpServletResponse response, int status, String contentType, byte[] body) throws IOException {
        response.setStatus(status);
        response.setContentType(contentType);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
