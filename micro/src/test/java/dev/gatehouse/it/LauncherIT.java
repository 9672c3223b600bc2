package dev.gatehouse.it;

import static dev.gatehouse.it.Browser.someone;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.h2.tools.Server;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/**
 * The README's first command, {@code ./gatehouse-server}, as a person runs it: it starts, says it is
 * ready, and keeps what it writes to itself; and as a team upgrades it: a database of a release
 * before versioned migrations keeps every account, token and artifact (those of untrusted writers in
 * the untrusted tier), and a database of a newer
 * release is refused with one sentence.
 */
class LauncherIT {

    @Test
    void item13_andUpgrades_theLauncherKeepsItsDataToItsOwnerUpgradesThePreviousReleaseAndRefusesANewerOne()
            throws Exception {
        Path data = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "launcher-");
        int port = LaunchedNode.freePort();
        URI base = URI.create("http://127.0.0.1:" + port + "/");
        String name = someone();
        byte[] artifact = new byte[3000];
        new Random(7).nextBytes(artifact);
        String token;
        URI cached;
        URI anonymouslyCached;

        Process first = start(data, port, Map.of("GATEHOUSE_ACCESS_LOG", "on"));
        try {
            String said = untilReadyOrEnd(first, port);
            assertTrue(said.contains("Gatehouse is ready at " + base), said);
            Map<String, Double> metricsBefore = Api.metrics(base, null);
            assertTrue(log(data).contains("The database schema went from an empty database to version 6"), log(data));
            assertEquals(200, Api.send(HttpRequest.newBuilder(base.resolve("health"))).statusCode());
            assertEquals("rwx------", permissions(data));
            try (Stream<Path> files = Files.walk(data)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    assertEquals(Files.isDirectory(file) ? "rwx------" : "rw-------", permissions(file), file.toString());
                }
            }
            // A team's rows, made the way a person makes them.
            try (Browser browser = new Browser(base)) {
                browser.signUp(name);
                token = Browser.shownToken(browser.newToken("laptop", "30 days"));
                HtmlPage workspace = Browser.createWorkspace(browser.createOrganization("Upgrade " + name), "repo")
                        .getAnchorByText("repo").click();
                cached = base.resolve("nx/" + workspace.getElementById("nxCloudId").getTextContent() + "/v1/cache/h1");
                anonymouslyCached = cached.resolve("h2");
            }
            assertEquals(200, Api.send(HttpRequest.newBuilder(cached).header("Authorization", "Bearer " + token)
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(artifact))).statusCode());
            assertEquals(200, Api.send(HttpRequest.newBuilder(anonymouslyCached)
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[] {1, 2, 3}))).statusCode());
            operatorsSeeEachRefusedCacheRequestInOneLineWithoutAToken(data, cached, token);
            metricsCountExactlyTheRequestsMade(base, cached, token, metricsBefore);
            theOpenApiDocumentDescribesTheApiAndEveryStatusTheCacheAnswered(base);
        } finally {
            stop(first);
        }
        // Payara writes the access log in batches; all of it is written once the server has stopped.
        String accessLog;
        try (Stream<Path> files = Files.list(data.resolve("access-log"))) {
            accessLog = String.join("\n", files.map(file -> unchecked(() -> Files.readString(file))).toList());
        }
        assertTrue(accessLog.contains("\"PUT " + cached.getPath() + " HTTP/1.1\" 409 "), accessLog);
        assertTrue(!accessLog.contains(token) && !accessLog.contains("Bearer"), "no token in the access log");

        // What a release before versioned migrations left behind: V1's tables, no history, and every
        // artifact in the workspace's folder, whoever wrote it, not yet in folders by hash.
        Path workspaceFolder = data.resolve("cache").resolve(cached.getPath().split("/")[2]);
        flatten(workspaceFolder.resolve("h1/__/h1"), workspaceFolder.resolve("h1"));
        flatten(workspaceFolder.resolve(".untrusted/h2/__/h2"), workspaceFolder.resolve("h2"));
        for (String undo : new String[] {"DROP TABLE \"flyway_schema_history\"", "ALTER TABLE CACHE_ENTRY DROP COLUMN OBJECTKEY",
                "DROP TABLE CACHE_USAGE", "DROP TABLE CACHE_JOB_LEASE",
                "DROP INDEX CACHE_ENTRY_USED_IN", "DROP INDEX CACHE_ENTRY_USED", "ALTER TABLE CACHE_ENTRY DROP COLUMN LASTUSEDAT",
                "ALTER TABLE WORKSPACE DROP COLUMN CACHELIMIT", "DROP INDEX CACHE_ENTRY_WRITTEN_AT",
                "DROP INDEX CACHE_ENTRY_WRITER", "ALTER TABLE CACHE_ENTRY DROP CONSTRAINT FK_CACHE_ENTRY_WORKSPACE_ID",
                "ALTER TABLE CACHE_ENTRY DROP CONSTRAINT UNQ_CACHE_ENTRY_0",
                "ALTER TABLE CACHE_ENTRY ADD CONSTRAINT UNQ_CACHE_ENTRY_0 UNIQUE (WORKSPACE_ID, HASH)",
                "ALTER TABLE CACHE_ENTRY ADD CONSTRAINT FK_CACHE_ENTRY_WORKSPACE_ID FOREIGN KEY (WORKSPACE_ID) REFERENCES WORKSPACE (ID)",
                "ALTER TABLE CACHE_ENTRY DROP COLUMN TIER", "ALTER TABLE CACHE_ENTRY DROP COLUMN WRITERKIND",
                "ALTER TABLE CACHE_ENTRY DROP COLUMN TOKENID", "ALTER TABLE CACHE_ENTRY DROP COLUMN CLIENTADDRESS",
                "ALTER TABLE WORKSPACE DROP COLUMN MEMBERSUPLOADSTRUSTED"}) {
            sql(data, undo);
        }
        // The server's limit, small enough for three artifacts of 3,000 bytes, checked every second.
        Process upgraded = start(data, port, Map.of("GATEHOUSE_CACHE_TOTAL_LIMIT", "8000", "GATEHOUSE_CACHE_EVICTION_SECONDS", "1",
                "GATEHOUSE_METRICS", "token"));
        try {
            String said = untilReadyOrEnd(upgraded, port);
            assertTrue(said.contains("Gatehouse is ready"), said);
            assertTrue(log(data).contains("went from the schema of a release before versioned migrations (kept as version 1)"),
                    log(data));
            try (Browser browser = new Browser(base)) {
                assertTrue(Browser.text(browser.logIn(name, Browser.PASSWORD)).contains("Welcome, " + name));
            }
            assertEquals(200, Api.get(base.resolve("api/me"), token).statusCode());
            var hit = Api.sendForBytes(HttpRequest.newBuilder(cached).header("Authorization", "Bearer " + token));
            assertEquals(200, hit.statusCode());
            assertArrayEquals(artifact, hit.body());
            assertTrue(log(data).contains("Moved 1 artifact(s) written by untrusted callers"), log(data));
            assertEquals(404, Api.sendForBytes(HttpRequest.newBuilder(anonymouslyCached).header("Authorization", "Bearer " + token))
                    .statusCode(), "the anonymous upload is untrusted now: the member never gets it");
            assertArrayEquals(new byte[] {1, 2, 3}, Api.sendForBytes(HttpRequest.newBuilder(anonymouslyCached)).body(),
                    "an anonymous reader still does");
            assertTrue(log(data).contains("Moved 2 cached artifact(s) into folders by hash"), log(data));
            assertTrue(Files.isRegularFile(workspaceFolder.resolve("h1/__/h1")), "in its folders now");

            // Over the server's limit: the least recently used entry of any workspace goes, down to 7,200 bytes.
            for (String hash : List.of("h3", "h4")) {
                assertEquals(200, Api.send(HttpRequest.newBuilder(cached.resolve(hash)).header("Authorization", "Bearer " + token)
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(artifact))).statusCode());
            }
            for (long deadline = System.nanoTime() + 30_000_000_000L; !log(data).contains("over the server's limit"); ) {
                assertTrue(System.nanoTime() < deadline, "evicted in time: " + log(data));
                Thread.sleep(200);
            }
            assertTrue(log(data).contains("1 entries (2.9 KiB) over the server's limit"), log(data));
            assertEquals(404, Api.sendForBytes(HttpRequest.newBuilder(cached).header("Authorization", "Bearer " + token))
                    .statusCode(), "the least recently used went");
            for (String hash : List.of("h3", "h4")) {
                assertArrayEquals(artifact, Api.sendForBytes(HttpRequest.newBuilder(cached.resolve(hash))
                        .header("Authorization", "Bearer " + token)).body(), hash + " stays");
            }
            HttpResponse<String> anonymous = Api.send(HttpRequest.newBuilder(base.resolve("metrics")));
            assertEquals(401, anonymous.statusCode(), "GATEHOUSE_METRICS=token: " + anonymous.body());
            assertTrue(anonymous.body().contains("personal access token"), anonymous.body());
            Map<String, Double> metrics = Api.metrics(base, token);
            assertEquals(1.0, metrics.get("gatehouse_cache_evicted_entries_total{mp_scope=\"application\"}"), metrics.toString());
            assertEquals(6003.0, metrics.get("gatehouse_cache_held_bytes{mp_scope=\"application\"}"), "h2, h3 and h4: " + metrics);
            assertEquals(3.0, metrics.get("gatehouse_cache_held_entries{mp_scope=\"application\"}"), metrics.toString());
        } finally {
            stop(upgraded);
        }

        // A downgrade: the database was migrated by a newer Gatehouse.
        sql(data, "INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", \"type\","
                + " \"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\") VALUES (99, '99', 'from the"
                + " future', 'SQL', 'V99__from_the_future.sql', 0, 'SA', 1, TRUE)");
        Process older = start(data, port);
        try {
            String said = untilReadyOrEnd(older, port);
            assertTrue(older.waitFor(60, TimeUnit.SECONDS), "the launcher gave up by itself");
            assertEquals(1, older.exitValue(), said);
            assertTrue(said.contains("Gatehouse cannot start: the database schema is at version 99, written by a newer"
                    + " Gatehouse, and this one knows versions up to 6."), said);
        } finally {
            stop(older);
        }
    }

    /** Back to where a release before folders by hash kept an artifact. */
    private static void flatten(Path sharded, Path flat) throws IOException {
        Path aside = flat.resolveSibling("aside");
        Files.move(sharded, aside);
        Files.delete(sharded.getParent());
        Files.delete(sharded.getParent().getParent());
        Files.move(aside, flat);
    }

    /** Issue 15's logs: a line per refused cache request, none with a token. */
    private static void operatorsSeeEachRefusedCacheRequestInOneLineWithoutAToken(Path data, URI cached, String token)
            throws Exception {
        String unknown = "gatehouse_pat_" + "x".repeat(38);
        assertEquals(401, Api.send(HttpRequest.newBuilder(cached).header("Authorization", "Bearer " + unknown)).statusCode());
        assertEquals(409, Api.send(HttpRequest.newBuilder(cached).header("Authorization", "Bearer " + token)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[] {9}))).statusCode());
        String workspace = cached.getPath().split("/")[2];
        String log = log(data);
        assertTrue(log.contains("Cache GET refused with 401: workspace " + workspace + " hash h1 from 127.0.0.1: its token"), log);
        assertTrue(log.contains("Cache PUT refused with 409: workspace " + workspace + " hash h1 from 127.0.0.1: This hash"), log);
        assertTrue(!log.contains(unknown) && !log.contains(token), "no token in the log");

        // An anonymous API call is an ordinary refusal: one answer each on a kept-alive connection, no stack trace.
        try (Socket connection = new Socket("127.0.0.1", cached.getPort())) {
            connection.getOutputStream().write(("GET /api/me HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                    + "GET /api/tokens HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                    + "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String answers = new String(connection.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            List<String> statuses = answers.lines().filter(line -> line.startsWith("HTTP/1.1 ")).toList();
            assertEquals(List.of("HTTP/1.1 401 Unauthorized", "HTTP/1.1 401 Unauthorized", "HTTP/1.1 200 OK"), statuses, answers);
            assertTrue(answers.contains("Sign in first"), answers);
        }
        String after = log(data).substring(log.length());
        assertTrue(!after.contains("Exception"), "no stack trace for an ordinary refusal: " + after);
    }

    /** Issue 15's metrics: each counter moves by exactly the requests made, and bytes by the bytes moved. */
    private static void metricsCountExactlyTheRequestsMade(URI base, URI cached, String token, Map<String, Double> before)
            throws Exception {
        assertEquals(200, Api.send(HttpRequest.newBuilder(cached).header("Authorization", "Bearer " + token)).statusCode());
        assertEquals(404, Api.send(HttpRequest.newBuilder(cached.resolve("h9")).header("Authorization", "Bearer " + token))
                .statusCode());
        // Too large for the server: refused before a byte of the body is read, with 403 (nx fails a run after a 413).
        try (Socket connection = new Socket("127.0.0.1", base.getPort())) {
            connection.getOutputStream().write(("PUT " + cached.resolve("h9").getPath() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: Bearer " + token + "\r\nContent-Length: 9000000000\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(connection.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 403 "), answer);
        }
        Map<String, Double> after = Api.metrics(base, null);
        // Made in this start: h1 (3,000 bytes) and h2 (3 bytes) stored, a 401 and a 409 (the log test), a hit, a miss, a 403.
        Map<String, Double> expected = new java.util.HashMap<>(Map.of(
                "gatehouse_cache_requests_total{method=\"PUT\",mp_scope=\"application\",outcome=\"stored\"}", 2.0,
                "gatehouse_cache_stored_bytes_total{mp_scope=\"application\"}", 3003.0,
                "gatehouse_cache_requests_total{method=\"GET\",mp_scope=\"application\",outcome=\"hit\"}", 1.0,
                "gatehouse_cache_served_bytes_total{mp_scope=\"application\"}", 3000.0,
                "gatehouse_cache_requests_total{method=\"GET\",mp_scope=\"application\",outcome=\"miss\"}", 1.0,
                "gatehouse_cache_refused_total{method=\"GET\",mp_scope=\"application\",status=\"401\"}", 1.0,
                "gatehouse_cache_refused_total{method=\"PUT\",mp_scope=\"application\",status=\"409\"}", 1.0,
                "gatehouse_cache_refused_total{method=\"PUT\",mp_scope=\"application\",status=\"403\"}", 1.0));
        // Credentials: h2 anonymous; the made-up token (its CRC32 checksum is wrong: malformed); the person's token for
        // h1, the 409, the hit, the miss and the 403.
        expected.put("gatehouse_cache_authentications_total{mp_scope=\"application\",outcome=\"anonymous\"}", 1.0);
        expected.put("gatehouse_cache_authentications_total{mp_scope=\"application\",outcome=\"malformed\"}", 1.0);
        expected.put("gatehouse_cache_authentications_total{mp_scope=\"application\",outcome=\"valid\"}", 5.0);
        // Timed: the requests that reached the cache, the 401 did not (the authentication module answered it).
        expected.put("gatehouse_cache_request_duration_seconds_count{method=\"GET\",mp_scope=\"application\"}", 2.0);
        expected.put("gatehouse_cache_request_duration_seconds_count{method=\"PUT\",mp_scope=\"application\"}", 4.0);
        for (Map.Entry<String, Double> counter : expected.entrySet()) {
            assertEquals(counter.getValue(), after.getOrDefault(counter.getKey(), 0.0) - before.getOrDefault(counter.getKey(), 0.0),
                    counter.getKey() + " in " + after);
        }
        assertTrue(after.keySet().stream().filter(key -> key.startsWith("gatehouse_")).noneMatch(key -> key.contains(cached.getPath().split("/")[2])),
                "no label names a workspace");
    }

    /** Issue 15's OpenAPI: the JAX-RS resources and the cache's hand-written description, merged, with every status seen. */
    @SuppressWarnings("unchecked")
    private static void theOpenApiDocumentDescribesTheApiAndEveryStatusTheCacheAnswered(URI base) throws Exception {
        HttpResponse<String> answer = Api.send(HttpRequest.newBuilder(base.resolve("openapi")).header("Accept", "application/json"));
        assertEquals(200, answer.statusCode(), answer.body());
        Map<String, Object> document = new org.openqa.selenium.json.Json().toType(answer.body(), Map.class);
        assertTrue(String.valueOf(document.get("openapi")).startsWith("3."), answer.body());
        Map<String, Object> paths = (Map<String, Object>) document.get("paths");
        assertTrue(paths.keySet().containsAll(List.of("/api/me", "/api/tokens", "/api/login/requests")), paths.keySet().toString());
        Map<String, Object> cache = (Map<String, Object>) paths.get("/nx/{nxCloudId}/v1/cache/{hash}");
        Map<String, Object> get = (Map<String, Object>) ((Map<String, Object>) cache.get("get")).get("responses");
        Map<String, Object> put = (Map<String, Object>) ((Map<String, Object>) cache.get("put")).get("responses");
        // What the cache answered in this test: hits, misses and refusals of reads; stores, conflicts and refusals of writes.
        assertTrue(get.keySet().containsAll(List.of("200", "401", "404")), get.keySet().toString());
        assertTrue(put.keySet().containsAll(List.of("200", "403", "409")), put.keySet().toString());
    }

    private interface Read {
        String read() throws IOException;
    }

    private static String unchecked(Read read) {
        try {
            return read.read();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Process start(Path data, int port) throws IOException {
        return start(data, port, Map.of());
    }

    private static Process start(Path data, int port, Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of("..", "gatehouse-server").toAbsolutePath().toString())
                .redirectErrorStream(true);
        builder.environment().putAll(environment);
        builder.environment().put("GATEHOUSE_PORT", String.valueOf(port));
        builder.environment().put("GATEHOUSE_DATA", data.toString());
        builder.environment().put("GATEHOUSE_JAVA_OPTS", "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
        return builder.start();
    }

    /** What the launcher printed until it said it is ready, or until it ended. */
    private static String untilReadyOrEnd(Process launcher, int port) throws IOException {
        String ready = "Gatehouse is ready at http://127.0.0.1:" + port + "/";
        StringBuilder seen = new StringBuilder();
        var lines = launcher.inputReader(StandardCharsets.UTF_8);
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            seen.append(line).append('\n');
            if (line.contains(ready)) {
                break;
            }
        }
        return seen.toString();
    }

    /**
     * Issue 15: not ready while the database is away, and ready again without a restart once it is back;
     * meanwhile the cache answers what lets a build go on (a miss, a refused upload), never a 5xx. The
     * database is an H2 TCP server of the test's, which it stops and starts again.
     */
    @Test
    void aNodeWhoseDatabaseGoesAwayIsNotReadyKeepsBuildsGoingAndRecoversByItself() throws Exception {
        Path folder = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "database-away-");
        String databasePort = String.valueOf(LaunchedNode.freePort());
        String[] serve = {"-tcpPort", databasePort, "-baseDir", folder.resolve("database").toString(), "-ifNotExists"};
        Server database = Server.createTcpServer(serve).start();
        try (LaunchedNode node = LaunchedNode.start(folder.resolve("node"),
                Map.of("GATEHOUSE_DB_URL", "jdbc:h2:tcp://127.0.0.1:" + databasePort + "/gatehouse")).awaitReady()) {
            ClusterIT.Team team = ClusterIT.team(node);
            byte[] artifact = "kept before the outage".getBytes(StandardCharsets.UTF_8);
            String kept = Artifacts.hash();
            assertEquals(200, ClusterIT.put(node, team, kept, team.token(), artifact).statusCode());
            assertEquals(200, health(node, "ready").statusCode());

            database.stop();
            HttpResponse<String> away = health(node, "ready");
            assertEquals(503, away.statusCode(), away.body());
            assertTrue(away.body().contains("\"name\":\"database\",\"status\":\"DOWN\""), away.body());
            assertEquals(200, health(node, "live").statusCode(), "the process still answers");
            HttpResponse<byte[]> read = ClusterIT.get(node, team, kept, team.token());
            assertEquals(404, read.statusCode(), "a miss, after which nx builds the task itself: "
                    + new String(read.body(), StandardCharsets.UTF_8));
            HttpResponse<String> written = ClusterIT.put(node, team, Artifacts.hash(), team.token(), artifact);
            assertEquals(403, written.statusCode(), "a refused upload, after which nx goes on: " + written.body());

            database = Server.createTcpServer(serve).start();
            int ready = 0;
            for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30); ready != 200 && System.nanoTime() < deadline;
                    Thread.sleep(500)) {
                ready = health(node, "ready").statusCode();
            }
            assertEquals(200, ready, "ready again without a restart");
            assertArrayEquals(artifact, ClusterIT.get(node, team, kept, team.token()).body(), "served again");
        } finally {
            database.stop();
        }
    }

    private static HttpResponse<String> health(LaunchedNode node, String probe) throws Exception {
        return Api.send(HttpRequest.newBuilder(node.base.resolve("health/" + probe)));
    }

    private static void stop(Process launcher) throws InterruptedException {
        launcher.descendants().forEach(ProcessHandle::destroy);
        launcher.destroy();
        assertTrue(launcher.waitFor(60, TimeUnit.SECONDS), "the launcher stopped");
    }

    /** On the stopped server's H2 file, as an operator would with H2's shell. */
    private static void sql(Path data, String statement) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + data.resolve("gatehouse"), "sa", "");
             Statement run = connection.createStatement()) {
            run.execute(statement);
        }
    }

    private static String log(Path data) throws IOException {
        return Files.readString(data.resolve("server.log"));
    }

    private static String permissions(Path file) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }
}
