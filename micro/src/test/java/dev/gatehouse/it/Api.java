package dev.gatehouse.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Plain HTTP calls, as the CLI, nx and scripts make them. */
public final class Api {

    /** HTTP/1.1, as nx and curl speak it. */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private Api() {
    }

    public static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public static HttpResponse<byte[]> sendForBytes(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    public static HttpResponse<String> get(URI uri, String token) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token));
    }

    /**
     * {@code /metrics}' application scope, as Prometheus reads it: each series' value by its name and
     * labels, from the server at {@code root} (Payara's endpoint is at its root whatever the application's).
     */
    public static java.util.Map<String, Double> metrics(URI root, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(root.resolve("/metrics?scope=application"));
        HttpResponse<String> scraped = send(token == null ? request : request.header("Authorization", "Bearer " + token));
        if (scraped.statusCode() != 200) {
            throw new IllegalStateException("/metrics answered " + scraped.statusCode() + ": " + scraped.body());
        }
        java.util.Map<String, Double> series = new java.util.HashMap<>();
        scraped.body().lines().filter(line -> !line.startsWith("#") && !line.isBlank()).forEach(line -> series.put(
                line.substring(0, line.lastIndexOf(' ')), Double.valueOf(line.substring(line.lastIndexOf(' ') + 1))));
        return series;
    }
}
