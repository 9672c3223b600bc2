package dev.gatehouse.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * HTTP/1.1 by hand, for requests no well-behaved client sends: a body shorter than its
 * Content-Length, no Content-Length at all, a length the server refuses before reading, a path
 * exactly as typed ({@code /api/%2e%2e/profile}), which every HTTP client library would normalize.
 */
final class RawHttp {

    private RawHttp() {
    }

    /** Sends the head and body, then closes the sending side, and returns everything the server answered. */
    static String exchange(int port, String head, byte[] body) throws IOException {
        return exchange(port, head, body, "127.0.0.1");
    }

    /** From another loopback address (127.0.0.2, …), as a second client machine would connect. */
    static String exchange(int port, String head, byte[] body, String from) throws IOException {
        try (Socket socket = new Socket(java.net.InetAddress.getByName("127.0.0.1"), port,
                java.net.InetAddress.getByName(from), 0)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write((head.replace("\n", "\r\n") + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    /** A request line sent exactly as given, with extra header lines. */
    static Answer get(int port, String path, String... headers) throws IOException {
        return exchange(port, "GET", path, "", headers);
    }

    static Answer post(int port, String path, String form, String... headers) throws IOException {
        String[] all = Arrays.copyOf(headers, headers.length + 1);
        all[headers.length] = "Content-Type: application/x-www-form-urlencoded";
        return exchange(port, "POST", path, form, all);
    }

    static Answer exchange(int port, String method, String path, String body, String... headers) throws IOException {
        return exchangeFrom("127.0.0.1", port, method, path, body, headers);
    }

    static Answer exchangeFrom(String from, int port, String method, String path, String body, String... headers)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        // HTTP/1.0, so that the answer comes whole, never in chunks.
        String head = method + " " + path + " HTTP/1.0\nHost: 127.0.0.1:" + port + "\n"
                + "Content-Length: " + bytes.length + (headers.length == 0 ? "" : "\n" + String.join("\n", headers));
        return new Answer(exchange(port, head, bytes, from));
    }

    /** An answer split into status, head and body. */
    record Answer(String raw) {

        private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]*)\"");
        private static final Pattern FORM_TOKEN = Pattern.compile("name=\"formToken\" value=\"([^\"]*)\"");

        int status() {
            return Integer.parseInt(raw.substring(9, 12));
        }

        String head() {
            int end = raw.indexOf("\r\n\r\n");
            return end < 0 ? raw : raw.substring(0, end);
        }

        String body() {
            int end = raw.indexOf("\r\n\r\n");
            return end < 0 ? "" : raw.substring(end + 4);
        }

        /** Every value of the header, joined by newlines; empty when there is none. */
        String header(String name) {
            return head().lines().skip(1)
                    .filter(line -> line.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                    .map(line -> line.substring(name.length() + 1).strip())
                    .collect(Collectors.joining("\n"));
        }

        /** {@code name=value} of a cookie the server set, for sending back. */
        String cookie(String name) {
            return header("Set-Cookie").lines().filter(c -> c.startsWith(name + "="))
                    .map(c -> c.split(";", 2)[0]).findFirst().orElse("");
        }

        String viewState() {
            return find(VIEW_STATE);
        }

        String formToken() {
            return find(FORM_TOKEN);
        }

        private String find(Pattern pattern) {
            Matcher found = pattern.matcher(body());
            return found.find() ? found.group(1) : "";
        }
    }
}
