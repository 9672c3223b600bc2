package dev.gatehouse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's first command, {@code ./gatehouse-server}, as a person runs it: it starts, says it is
 * ready, and keeps what it writes to itself.
 */
class LauncherIT {

    @Test
    void item13_theLauncherStartsAndKeepsTheDataFolderToItsOwner() throws Exception {
        Path data = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "launcher-");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder(Path.of("..", "gatehouse-server").toAbsolutePath().toString())
                .redirectErrorStream(true);
        builder.environment().put("GATEHOUSE_PORT", String.valueOf(port));
        builder.environment().put("GATEHOUSE_DATA", data.toString());
        builder.environment().put("GATEHOUSE_JAVA_OPTS", "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
        Process launcher = builder.start();
        try {
            String ready = "Gatehouse is ready at http://127.0.0.1:" + port + "/";
            StringBuilder seen = new StringBuilder();
            var lines = launcher.inputReader(StandardCharsets.UTF_8);
            String line = lines.readLine();
            while (line != null) {
                seen.append(line).append('\n');
                if (line.contains(ready)) {
                    break;
                }
                line = lines.readLine();
            }
            assertTrue(seen.toString().contains(ready), seen.toString());
            assertEquals(200, Api.send(java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")))
                    .statusCode());

            assertEquals("rwx------", permissions(data));
            try (Stream<Path> files = Files.walk(data)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    String expected = Files.isDirectory(file) ? "rwx------" : "rw-------";
                    assertEquals(expected, permissions(file), file.toString());
                }
            }
            assertTrue(List.of(data.toFile().list()).contains("server.log"));
        } finally {
            launcher.descendants().forEach(ProcessHandle::destroy);
            launcher.destroy();
            assertTrue(launcher.waitFor(60, TimeUnit.SECONDS), "the launcher stopped");
        }
    }

    private static String permissions(Path file) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }
}
