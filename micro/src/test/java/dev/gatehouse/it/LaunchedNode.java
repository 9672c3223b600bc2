package dev.gatehouse.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Gatehouse started with the README's launcher, {@code ./gatehouse-server}, as an operator
 * starts it: its own port and data folder, the rest from the environment given.
 */
final class LaunchedNode implements AutoCloseable {

    private final Process launcher;
    private final Path data;
    final URI base;

    private LaunchedNode(Process launcher, Path data, URI base) {
        this.launcher = launcher;
        this.data = data;
        this.base = base;
    }

    /** Starts the launcher; {@link #awaitReady()} waits for it. */
    static LaunchedNode start(Path data, Map<String, String> environment) throws IOException {
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(Path.of("..", "gatehouse-server").toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(data.resolveSibling(data.getFileName() + ".out").toFile());
        builder.environment().putAll(environment);
        builder.environment().put("GATEHOUSE_PORT", String.valueOf(port));
        builder.environment().put("GATEHOUSE_DATA", data.toString());
        builder.environment().put("GATEHOUSE_JAVA_OPTS", "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
        return new LaunchedNode(builder.start(), data, URI.create("http://127.0.0.1:" + port + "/"));
    }

    LaunchedNode awaitReady() throws Exception {
        String ready = "Gatehouse is ready at " + base;
        for (long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4); !said().contains(ready); Thread.sleep(500)) {
            assertTrue(launcher.isAlive() && System.nanoTime() < deadline, "the node started: " + said());
        }
        return this;
    }

    /** What the launcher printed. */
    String said() throws IOException {
        Path out = data.resolveSibling(data.getFileName() + ".out");
        return Files.exists(out) ? Files.readString(out, StandardCharsets.UTF_8) : "";
    }

    String log() throws IOException {
        return Files.readString(data.resolve("server.log"), StandardCharsets.UTF_8);
    }

    /** The server's JVM, the launcher's child. */
    ProcessHandle jvm() {
        return launcher.descendants().filter(process -> process.info().command().orElse("").endsWith("java"))
                .findFirst().orElseThrow();
    }

    /** As a crash would: the JVM gets SIGKILL and no chance to say goodbye. */
    void kill() throws InterruptedException {
        ProcessHandle jvm = jvm();
        jvm.destroyForcibly();
        jvm.onExit().join();
        assertTrue(launcher.waitFor(60, TimeUnit.SECONDS), "the launcher ended with its server");
    }

    boolean isAlive() {
        return launcher.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        launcher.descendants().forEach(ProcessHandle::destroy);
        launcher.destroy();
        assertTrue(launcher.waitFor(60, TimeUnit.SECONDS), "the launcher stopped");
    }

    static int freePort() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        }
    }
}
