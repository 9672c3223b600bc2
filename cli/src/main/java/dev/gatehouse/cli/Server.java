package dev.gatehouse.cli;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** A Gatehouse server, spoken to over HTTP. An unreachable server ends the command with exit 2. */
final class Server {

    private final String url;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** A status and a body; JSON bodies can be read as such. */
    record Answer(int status, String body) {

        JsonObject json() {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            } catch (RuntimeException notJson) {
                throw new Failure(2, "The server's answer is not what Gatehouse sends (HTTP " + status + "): " + body);
            }
        }
    }

    /**
     * A server address: http or https, a host, an optional port and path of plain URL characters,
     * no user, query or fragment. Strict, because the address ends up in shell exports and in the
     * browser: nothing in it may be taken for anything but an address.
     */
    private static final java.util.regex.Pattern ADDRESS =
            java.util.regex.Pattern.compile("https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~/-]*)?");

    Server(String url) {
        String trimmed = url.strip().replaceAll("/+$", "");
        if (!ADDRESS.matcher(trimmed).matches()) {
            throw new Failure(2, "'" + url + "' is not a server address such as http://127.0.0.1:8080 or"
                    + " https://gatehouse.example.org (letters, digits, '.', '-', a port and a plain path only).");
        }
        this.url = trimmed;
    }

    /** True when the address is on this server's own scheme, host and port. */
    boolean owns(String address) {
        URI mine = URI.create(url);
        try {
            URI theirs = URI.create(address);
            return mine.getScheme().equalsIgnoreCase(theirs.getScheme()) && theirs.getHost() != null
                    && mine.getHost().equalsIgnoreCase(theirs.getHost()) && mine.getPort() == theirs.getPort()
                    && theirs.getRawUserInfo() == null;
        } catch (IllegalArgumentException notAnAddress) {
            return false;
        }
    }

    String url() {
        return url;
    }

    Answer postForm(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(request(path, null).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Answer get(String path, String token) {
        return send(request(path, token).GET());
    }

    Answer delete(String path, String token) {
        return send(request(path, token).DELETE());
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(30));
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new Failure(2, "Cannot reach the Gatehouse server at " + url + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "). Is it running, and is the address right?");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure(2, "Interrupted.");
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
