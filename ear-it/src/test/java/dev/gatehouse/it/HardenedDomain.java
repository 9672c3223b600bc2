package dev.gatehouse.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Payara Server's domain1, hardened before its first start by {@code payara-server/harden-domain}
 * (every listener on 127.0.0.1 and on ports of its own, no phone-home, Hazelcast off, JMS off), then
 * started, given the EAR with {@code asadmin deploy} exactly as the README says, and stopped again.
 */
final class HardenedDomain {

    static final int HTTP_PORT = 28080;
    static final int ADMIN_PORT = 24848;

    private final Path home;
    private final Path passwords;

    HardenedDomain(Path home) {
        this.home = home;
        this.passwords = home.resolveSibling("asadmin-passwords");
    }

    /** The repository's own script, the one the README gives operators, with an admin password from a file. */
    void harden(Path script, Path dataFolder) throws Exception {
        String password = "it-admin-" + Long.toString(System.nanoTime(), 36);
        Path given = Files.writeString(home.resolveSibling("admin-password"), password + "\n");
        Files.writeString(passwords, "AS_ADMIN_PASSWORD=" + password + "\n");
        ProcessBuilder hardening = new ProcessBuilder("bash", script.toString(), home.toString(), dataFolder.toString(),
                String.valueOf(HTTP_PORT), String.valueOf(ADMIN_PORT));
        hardening.environment().put("GATEHOUSE_ADMIN_PASSWORD_FILE", given.toString());
        run(hardening);
    }

    /** Exit code and output of an admin command sent without the password, as another local user could. */
    Process withoutPassword(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/asadmin").toString(), "--interactive=false",
                "--port", String.valueOf(ADMIN_PORT)));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.waitFor(2, TimeUnit.MINUTES);
        return process;
    }

    void start() throws Exception {
        asadmin("start-domain", "domain1");
    }

    void deploy(Path ear) throws Exception {
        asadmin("--port", String.valueOf(ADMIN_PORT), "--user", "admin", "--passwordfile", passwords.toString(),
                "deploy", "--name", "gatehouse", ear.toAbsolutePath().toString());
        // start-domain and deploy return before the application answers.
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<Void> login = http.send(HttpRequest.newBuilder(base().resolve("login")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (login.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // keep polling
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Gatehouse did not answer on Payara Server within 3 minutes; see "
                + home.resolve("glassfish/domains/domain1/logs/server.log"));
    }

    void stop() throws Exception {
        asadmin("stop-domain", "domain1");
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + HTTP_PORT + "/");
    }

    /** The local addresses the domain's processes listen on, from {@code ss}. */
    List<String> listeningAddresses() throws Exception {
        Process ss = new ProcessBuilder("ss", "-ltnpH").redirectErrorStream(true).start();
        String out = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        ss.waitFor(10, TimeUnit.SECONDS);
        String pid = Files.readString(home.resolve("glassfish/domains/domain1/config/pid")).strip();
        List<String> addresses = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (line.contains("pid=" + pid + ",")) {
                addresses.add(line.trim().split("\\s+")[3]);
            }
        }
        return addresses;
    }

    private void asadmin(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/asadmin").toString()));
        command.addAll(List.of(arguments));
        run(new ProcessBuilder(command));
    }

    private static void run(ProcessBuilder builder) throws Exception {
        List<String> command = builder.command();
        Process process = builder.redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
        }
    }
}
