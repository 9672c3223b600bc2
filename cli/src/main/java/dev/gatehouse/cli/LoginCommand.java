package dev.gatehouse.cli;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The browser log-in: asks the server for a log-in request, shows its address and code, waits for
 * the approval, and saves the token it then receives once in {@code nxcloud.ini}.
 */
@Command(name = "login", mixinStandardHelpOptions = true,
        description = "Signs you in through the browser and saves a personal access token in nxcloud.ini.")
class LoginCommand implements Callable<Integer> {

    private static final String SPINNER = "|/-\\";

    @Parameters(arity = "0..1", paramLabel = "URL",
            description = "The Gatehouse server. Default: nxCloudUrl in ./nx.json, else " + LocalFiles.DEFAULT_URL + ".")
    String url;

    @Option(names = "--no-browser", description = "Only print the address to open; do not try to open a browser.")
    boolean noBrowser;

    @Option(names = "--yes", description = "Log in to the server that ./nx.json names without asking first.")
    boolean yes;

    @Override
    public Integer call() throws Exception {
        Server server = new Server(LocalFiles.serverUrl(url));
        NxCloudIni ini = LocalFiles.ini();
        if ((url == null || url.isBlank()) && !ini.knows(server.url()) && !yes) {
            confirm(server);
        }
        Server.Answer answer = server.postForm("/api/login/requests", Map.of("hostname", hostname()));
        if (answer.status() != 200) {
            throw new Failure(2, "The server at " + server.url() + " did not start a log-in (HTTP " + answer.status() + ").");
        }
        JsonObject started = answer.json();
        if (!server.owns(started.getString("verificationUriComplete", ""))) {
            throw new Failure(2, "The server at " + server.url() + " sent an approval address on another site ("
                    + started.getString("verificationUriComplete", "") + "). Not opening it: a Gatehouse server sends"
                    + " its own address. Check the server you log in to.");
        }
        PrintStream out = System.out;
        out.println("To sign in, open this address in a browser and sign up or log in:");
        out.println();
        out.println("    " + started.getString("verificationUriComplete"));
        out.println();
        out.println("Then check that the page shows the code  " + started.getString("userCode") + "  and approve.");
        if (!noBrowser) {
            openBrowser(started.getString("verificationUriComplete"));
        }
        String token = await(server, started);
        ini.putToken(server.url(), token);
        LocalFiles.save(ini);
        out.println("Signed in. Your personal access token is saved in " + ini.file().toAbsolutePath());
        return 0;
    }

    private String await(Server server, JsonObject started) throws InterruptedException {
        AtomicBoolean finished = new AtomicBoolean();
        Thread cancelled = new Thread(() -> {
            if (!finished.get()) {
                System.err.println(System.lineSeparator() + "Cancelled: nothing was saved.");
            }
        });
        Runtime.getRuntime().addShutdownHook(cancelled);
        Duration interval = Duration.ofSeconds(started.getJsonNumber("interval").longValue());
        Instant deadline = Instant.now().plusSeconds(started.getJsonNumber("expiresIn").longValue());
        boolean console = System.console() != null;
        Instant lastLine = Instant.EPOCH;
        for (int tick = 0; ; tick++) {
            Thread.sleep(interval.toMillis());
            Server.Answer answer = server.postForm("/api/login/token", Map.of("deviceCode", started.getString("deviceCode")));
            if (answer.status() == 200) {
                finished.set(true);
                if (console) {
                    System.out.print("\r" + " ".repeat(60) + "\r");
                }
                return answer.json().getString("token");
            }
            JsonObject error = answer.json();
            String code = error.getString("error", "");
            switch (code) {
                case "authorization_pending" -> { }
                case "slow_down" -> interval = interval.plusSeconds(1);
                default -> {
                    finished.set(true);
                    throw new Failure(1, error.getString("message", "The log-in failed: " + code));
                }
            }
            long left = Math.max(0, Duration.between(Instant.now(), deadline).toSeconds());
            String waiting = "Waiting for approval in the browser (" + left / 60 + ":" + String.format("%02d", left % 60) + " left, Ctrl-C cancels)";
            if (console) {
                System.out.print("\r" + SPINNER.charAt(tick % SPINNER.length()) + " " + waiting);
                System.out.flush();
            } else if (Duration.between(lastLine, Instant.now()).toSeconds() >= 15) {
                System.out.println(waiting);
                lastLine = Instant.now();
            }
        }
    }

    /**
     * A repository's nx.json can name any server, and a hostile one could relay a real Gatehouse's
     * log-in to collect the token. So a server first met through nx.json is named, and confirmed.
     */
    private static void confirm(Server server) throws IOException {
        String question = "This workspace's nx.json names the server " + server.url() + ", which you have not"
                + " logged in to from this machine.";
        if (System.console() == null) {
            throw new Failure(2, question + " Run `gatehouse login " + server.url() + "` if you trust it.");
        }
        String answer = System.console().readLine("%s Log in there? [y/N] ", question);
        if (answer == null || !answer.strip().equalsIgnoreCase("y") && !answer.strip().equalsIgnoreCase("yes")) {
            throw new Failure(1, "Not logged in.");
        }
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return System.getenv().getOrDefault("HOSTNAME", "unknown host");
        }
    }

    /** Best effort, never fatal: a headless machine simply has no browser to open. */
    private static void openBrowser(String address) {
        for (String opener : List.of("xdg-open", "open")) {
            for (String folder : System.getenv().getOrDefault("PATH", "").split(":")) {
                if (!folder.isEmpty() && Files.isExecutable(Path.of(folder, opener))) {
                    try {
                        new ProcessBuilder(opener, address).redirectErrorStream(true)
                                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                    } catch (IOException ignored) {
                        // the address is printed above
                    }
                    return;
                }
            }
        }
    }
}
