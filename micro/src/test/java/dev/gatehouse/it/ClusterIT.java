package dev.gatehouse.it;

import static dev.gatehouse.it.Artifacts.RANDOM;
import static dev.gatehouse.it.Artifacts.bytes;
import static dev.gatehouse.it.Artifacts.hash;
import static dev.gatehouse.it.Browser.someone;
import static dev.gatehouse.it.Browser.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two nodes started with the README's launcher on one PostgreSQL and one cache folder ({@link ClusterS3IT}:
 * one S3 bucket), found by each
 * other over TCP on 127.0.0.1, behind nginx configured as the README shows (the cache and the API
 * round robin); each test names the node it talks to.
 * With the postgres profile only: two processes cannot share the embedded H2 file. nginx comes
 * from Debian ({@code nginx-light}, which {@code .ci/run} installs).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    static Path work;
    static LaunchedNode a;
    static LaunchedNode b;
    private static Process nginx;
    private static URI balanced;
    private static int gridA;
    private static int gridB;
    private static String schema;

    /** JUnit runs a superclass's {@code @BeforeAll} for a subclass too: so this one asks which class it runs for. */
    @BeforeAll
    static void startTwoNodesBehindNginx(TestInfo test) throws Exception {
        Assumptions.assumeFalse(Database.isH2(), "two nodes need a shared database: run with -Ppostgres");
        work = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "cluster-");
        // Where the nodes keep artifacts: one folder, or one bucket.
        Map<String, String> store = test.getTestClass().orElseThrow() == ClusterS3IT.class ? ClusterS3IT.bucket(work)
                : Map.of("GATEHOUSE_CACHE_DIR", work.resolve("cache").toString());
        gridA = LaunchedNode.freePort();
        gridB = LaunchedNode.freePort();
        // An empty schema of its own, which both nodes, started at once, find empty and migrate.
        schema = "cluster_" + Long.toString(RANDOM.nextLong() >>> 1, 36);
        try (Connection database = Database.connect(); Statement create = database.createStatement()) {
            create.execute("CREATE SCHEMA " + schema);
        }
        Map<String, String> shared = new java.util.HashMap<>(Map.of(
                "GATEHOUSE_DB_URL", System.getProperty("gatehouse.itDbUrl") + "?currentSchema=" + schema,
                "GATEHOUSE_DB_USER", System.getProperty("gatehouse.itDbUser"),
                "GATEHOUSE_DB_PASSWORD", System.getProperty("gatehouse.itDbPassword"),
                "GATEHOUSE_CLUSTER_MEMBERS", "127.0.0.1:" + gridA + ",127.0.0.1:" + gridB,
                // Not the name of any other Gatehouse on this machine, so that only these two meet.
                "GATEHOUSE_CLUSTER_NAME", "gatehouse-cluster-it-" + Long.toString(RANDOM.nextLong() >>> 1, 36)));
        shared.putAll(store);
        a = LaunchedNode.start(work.resolve("a"), with(shared, "GATEHOUSE_CLUSTER_PORT", String.valueOf(gridA)));
        b = LaunchedNode.start(work.resolve("b"), with(shared, "GATEHOUSE_CLUSTER_PORT", String.valueOf(gridB)));
        a.awaitReady();
        b.awaitReady();
        int port = LaunchedNode.freePort();
        Files.writeString(work.resolve("nginx.conf"), """
                worker_processes 1;
                daemon off;
                pid %1$s/nginx.pid;
                error_log %1$s/nginx-error.log warn;
                events { worker_connections 256; }
                http {
                    access_log off;
                    client_max_body_size 0;
                    client_body_temp_path %1$s/nginx-body;
                    proxy_temp_path %1$s/nginx-proxy;
                    fastcgi_temp_path %1$s/nginx-fastcgi;
                    uwsgi_temp_path %1$s/nginx-uwsgi;
                    scgi_temp_path %1$s/nginx-scgi;
                    upstream gatehouse { server 127.0.0.1:%2$d; server 127.0.0.1:%3$d; }
                    upstream gatehouse_pages { ip_hash; server 127.0.0.1:%2$d; server 127.0.0.1:%3$d; }
                    server {
                        listen 127.0.0.1:%4$d;
                        proxy_set_header Host $http_host;
                        proxy_http_version 1.1;
                        add_header X-Gatehouse-Node $upstream_addr always;
                        location / { proxy_pass http://gatehouse_pages; }
                        location ~ ^/(nx|v1|api)/ { proxy_pass http://gatehouse; proxy_request_buffering off; proxy_buffering off; }
                    }
                }
                """.formatted(work, a.base.getPort(), b.base.getPort(), port));
        nginx = new ProcessBuilder("nginx", "-c", work.resolve("nginx.conf").toString(), "-p", work.toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("nginx.out").toFile()).start();
        balanced = URI.create("http://127.0.0.1:" + port + "/");
        for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20); ; Thread.sleep(200)) {
            try {
                if (Api.send(HttpRequest.newBuilder(balanced.resolve("health"))).statusCode() == 200) {
                    break;
                }
            } catch (IOException notYet) {
                assertTrue(nginx.isAlive() && System.nanoTime() < deadline, "nginx started: "
                        + Files.readString(work.resolve("nginx.out")));
            }
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (nginx != null) {
            nginx.destroy();
            nginx.waitFor(20, TimeUnit.SECONDS);
        }
        for (LaunchedNode node : new LaunchedNode[] {a, b}) {
            if (node != null && node.isAlive()) {
                node.close();
            }
        }
        if (schema != null) {
            try (Connection database = Database.connect(); Statement drop = database.createStatement()) {
                drop.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    @Test
    void twoNodesStartedAtOnceOnAnEmptySchemaMigrateItOnce() throws Exception {
        try (Connection database = Database.connect(); Statement query = database.createStatement();
             ResultSet history = query.executeQuery("SELECT count(*), count(DISTINCT version) FROM " + schema
                     + ".flyway_schema_history WHERE success")) {
            assertTrue(history.next());
            assertTrue(history.getInt(2) >= 5, "the migrations ran: " + history.getInt(2));
            assertEquals(history.getInt(2), history.getInt(1), "each migration once");
        }
        assertTrue(a.log().contains("Successfully applied") != b.log().contains("Successfully applied"),
                "one node migrated, the other found the schema up to date");
    }

    @Test
    void theNodesFormOneDataGridOnTheListedAddressesAndNothingListensBeyond127001() throws Exception {
        long jvmA = a.jvm().pid();
        long jvmB = b.jvm().pid();
        for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60); ; Thread.sleep(500)) {
            // One connection between them, opened by either side.
            List<String> links = ss("-tnp").stream().filter(line -> line.startsWith("ESTAB")
                    && (line.contains("pid=" + jvmA + ",") && line.contains(":" + gridB + " ")
                    || line.contains("pid=" + jvmB + ",") && line.contains(":" + gridA + " "))).toList();
            if (!links.isEmpty()) {
                break;
            }
            assertTrue(System.nanoTime() < deadline, "the nodes are connected through their data grid: " + ss("-tnp"));
        }
        for (long jvm : List.of(jvmA, jvmB)) {
            List<String> sockets = ss("-tulnp").stream().filter(line -> line.contains("pid=" + jvm + ",")).toList();
            assertTrue(!sockets.isEmpty(), "the node's sockets are seen");
            for (String socket : sockets) {
                assertTrue(socket.startsWith("tcp") && (socket.contains(" 127.0.0.1:") || socket.contains(" [::ffff:127.0.0.1]:")),
                        "on 127.0.0.1 only, by TCP only (no multicast): " + socket);
            }
        }
    }

    @Test
    void anArtifactWrittenThroughOneNodeIsReadThroughTheOtherAndOfTwoConcurrentWritersOneWins() throws Exception {
        Team team = team(a);
        byte[] artifact = bytes(20_000);
        String hash = hash();
        assertEquals(200, put(a, team, hash, team.token(), artifact).statusCode());
        HttpResponse<byte[]> read = get(b, team, hash, team.token());
        assertEquals(200, read.statusCode());
        assertArrayEquals(artifact, read.body());

        for (int round = 0; round < 5; round++) {
            String raced = hash();
            assertEquals(List.of(200, 409), putThroughBothAtOnce(team, raced), "exactly one of two writers of " + raced + " wins");
            assertArrayEquals(get(a, team, raced, team.token()).body(), get(b, team, raced, team.token()).body(),
                    "both nodes serve the winner's bytes");
        }
        for (LaunchedNode node : List.of(a, b)) {
            String log = node.log();
            assertFalse(log.contains("violates unique constraint") || log.contains("Local Exception Stack"),
                    "a lost race is an answer, not a stack trace in the log");
        }
    }

    @Test
    void aRevocationARemovalAndALevelChangeOnOneNodeHoldOnTheOtherAtTheNextRequest() throws Exception {
        Team team = team(a);
        try (Browser member = new Browser(b.base); Browser adminOnB = new Browser(b.base)) {
            String name = someone();
            member.signUp(name);
            Browser.addMember(team.admin().open(team.organization()), name);
            String memberToken = Browser.shownToken(member.newToken("laptop", "30 days"));
            levels(team, "READ_ONLY", "READ_WRITE");
            String hash = hash();
            assertEquals(200, put(a, team, hash, memberToken, bytes(10)).statusCode(), "a member writes");

            // Removed through node B: node A gives the member only what the workspace id gives anyone.
            assertTrue(text(adminOnB.logIn(team.adminName(), Browser.PASSWORD)).contains("Welcome"));
            Browser.press(adminOnB.open(team.organization()), "Remove " + name);
            assertTrue(put(a, team, hash(), memberToken, bytes(10)).body().contains("read-only for you"),
                    "the next write through A is refused");
            assertEquals(200, get(a, team, hash, memberToken).statusCode(), "and reads go on at the id's level");

            // A level changed through node A: node B applies it to the next anonymous request.
            assertEquals(200, get(b, team, hash, null).statusCode());
            levels(team, "NONE", "READ_WRITE");
            assertTrue(get(b, team, hash, null).statusCode() == 401, "anonymous reads end on B at once");

            // A token revoked through node A: refused by node B at the next request.
            assertEquals(200, get(b, team, hash, team.token()).statusCode());
            assertEquals(200, Api.send(HttpRequest.newBuilder(a.base.resolve("api/tokens/current"))
                    .header("Authorization", "Bearer " + team.token()).DELETE()).statusCode());
            HttpResponse<byte[]> revoked = get(b, team, hash, team.token());
            assertEquals(401, revoked.statusCode());
            assertTrue(new String(revoked.body(), StandardCharsets.UTF_8).contains("was revoked"));
        }
    }

    @Test
    void theRealNxClientRestoresThroughOneNodeWhatItStoredThroughTheOtherAndThroughNginx() throws Exception {
        Team team = team(a);
        NxWorkspace nx = NxWorkspace.create(work.resolve("nx"), "none");
        try {
            nx.plain(team.nxCloudId());
            nx.input("cluster " + RANDOM.nextLong());
            NxWorkspace.Run stored = nx.buildFromScratch(asTeam(a, team));
            assertEquals(0, stored.exitCode(), stored.output());
            byte[] built = Files.readAllBytes(nx.output());
            for (URI node : List.of(b.base, balanced)) {
                NxWorkspace.Run restored = nx.buildFromScratch(asTeam(node, team));
                assertTrue(restored.exitCode() == 0 && restored.output().contains("[remote cache]"), restored.output());
                assertArrayEquals(built, Files.readAllBytes(nx.output()), "restored through " + node);
            }
        } finally {
            nx.delete();
        }
    }

    @Test
    void aSignOutThroughOneNodeEndsTheSessionOnTheOtherThoughItHadACopy() throws Exception {
        try (Browser person = new Browser(a.base)) {
            String name = someone();
            person.signUp(name);
            // Cookies go by host, not port: the same browser is signed in at B, which now holds a copy.
            HtmlPage atB = person.client().getPage(b.base.resolve("profile").toURL());
            assertTrue(text(atB).contains(name), text(atB));
            String session = person.client().getCookieManager().getCookie("JSESSIONID").getValue();

            HtmlPage out = Browser.press(person.open("profile"), "Log out");
            assertTrue(out.getUrl().toString().contains("/login"), out.getUrl().toString());
            for (LaunchedNode node : List.of(b, a)) {
                HttpResponse<String> replayed = Api.send(HttpRequest.newBuilder(node.base.resolve("profile"))
                        .header("Cookie", "JSESSIONID=" + session));
                assertEquals(302, replayed.statusCode(), "the old session is signed out at " + node.base);
                assertTrue(replayed.headers().firstValue("Location").orElse("").contains("/login"));
            }
        }
    }

    @Test
    void failedLogInsSpreadOverBothNodesAreCountedOnce() throws Exception {
        String name = someone();
        try (Browser owner = new Browser(a.base)) {
            owner.signUp(name);
        }
        // Five counted failures, three through A and two through B, each after the wait the one
        // before it set (a throttled attempt is not counted): one count of five makes the next
        // attempt wait four seconds; counts per node would let B, with two, take it at once.
        for (int attempt = 0; attempt < 5; attempt++) {
            Thread.sleep(attempt < 3 ? 0 : 1_100L << (attempt - 3));
            try (Browser guesser = new Browser((attempt % 2 == 0 ? a : b).base)) {
                String refused = text(guesser.logIn(name, "wrong guess " + attempt));
                assertTrue(refused.contains("Wrong username") || refused.contains("Too many failed"), refused);
            }
        }
        try (Browser atB = new Browser(b.base)) {
            String refused = text(atB.logIn(name, Browser.PASSWORD));
            assertTrue(refused.contains("Too many failed log-ins"), refused);
        }
    }

    @Test
    void hitsThroughBothNodesAtOnceAreAllCountedInTheDaysUsage() throws Exception {
        Team team = team(a);
        String hash = hash();
        assertEquals(200, put(a, team, hash, team.token(), bytes(100)).statusCode());
        // Both nodes count at once and write their first batch of the day for this workspace about
        // together: a node that loses the race for the day's row gives its batch back and adds it later.
        List<CompletableFuture<Integer>> reads = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            LaunchedNode node = i % 2 == 0 ? a : b;
            reads.add(CompletableFuture.supplyAsync(() -> unchecked(() -> get(node, team, hash, team.token()).statusCode())));
        }
        for (CompletableFuture<Integer> read : reads) {
            assertEquals(200, read.get());
        }
        URI usage = b.base.resolve("api/workspaces/" + team.nxCloudId() + "/usage");
        String counted = "";
        for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30); !counted.matches(".*\"hits\":40[,}].*");
                Thread.sleep(500)) {
            assertTrue(System.nanoTime() < deadline, "40 hits counted: " + counted);
            counted = Api.get(usage, team.token()).body();
        }
        assertTrue(counted.matches(".*\"stored\":1[,}].*"), counted);
    }

    /** Last: it kills a node. */
    @Test
    @Order(Integer.MAX_VALUE)
    void aPersonSignedInThroughNginxStaysSignedInWhenTheNodeThatServedThemIsKilled() throws Exception {
        try (Browser person = new Browser(balanced)) {
            String name = someone();
            person.signUp(name);
            HtmlPage before = person.open("organizations");
            String served = before.getWebResponse().getResponseHeaderValue("X-Gatehouse-Node");
            LaunchedNode gone = served.equals("127.0.0.1:" + a.base.getPort()) ? a : b;
            LaunchedNode left = gone == a ? b : a;
            gone.kill();

            HtmlPage after = person.open("profile");
            String answered = after.getWebResponse().getResponseHeaderValue("X-Gatehouse-Node");
            assertTrue(answered.endsWith("127.0.0.1:" + left.base.getPort()), "nginx went on to the other node: " + answered);
            assertTrue(text(after).contains(name), "still signed in: " + text(after));
            // A form whose view the killed node rendered is still good at the other.
            HtmlPage created = Browser.press(Browser.fill(before, "Organization name", "After failover " + name),
                    "Create organization");
            assertTrue(text(created).contains("After failover " + name), text(created));
        }
    }

    /** The statuses of two uploads of one hash, one through each node at the same time, in ascending order. */
    static List<Integer> putThroughBothAtOnce(Team team, String hash) throws Exception {
        CompletableFuture<HttpResponse<String>> throughA = CompletableFuture.supplyAsync(() -> unchecked(() ->
                put(a, team, hash, team.token(), bytes(200_000))));
        CompletableFuture<HttpResponse<String>> throughB = CompletableFuture.supplyAsync(() -> unchecked(() ->
                put(b, team, hash, team.token(), bytes(200_000))));
        return List.of(throughA.get().statusCode(), throughB.get().statusCode()).stream().sorted().toList();
    }

    /** A person with an organization, a workspace and a token, made through one node. */
    record Team(Browser admin, String adminName, String token, String organization, String workspace, String nxCloudId) {
    }

    static Team team(LaunchedNode node) throws Exception {
        Browser admin = new Browser(node.base);
        String name = someone();
        admin.signUp(name);
        String token = Browser.shownToken(admin.newToken("nx", "30 days"));
        HtmlPage organization = admin.createOrganization("Cluster " + name);
        HtmlPage workspace = Browser.createWorkspace(organization, "repo").getAnchorByText("repo").click();
        // Paths, not URLs: the same pages are opened through either node.
        return new Team(admin, name, token, organization.getUrl().getFile(), workspace.getUrl().getFile(),
                workspace.getElementById("nxCloudId").getTextContent());
    }

    static void levels(Team team, String idLevel, String patLevel) throws IOException {
        HtmlPage page = team.admin().open(team.workspace());
        Browser.choose(page, "idAccessLevel", idLevel);
        Browser.choose(page, "patAccessLevel", patLevel);
        assertTrue(text(Browser.press(page, "Save access levels")).contains("Access levels saved"));
    }

    private static Map<String, String> asTeam(LaunchedNode node, Team team) {
        return asTeam(node.base, team);
    }

    private static Map<String, String> asTeam(URI server, Team team) {
        return Map.of("NX_SELF_HOSTED_REMOTE_CACHE_SERVER", server.resolve("nx/" + team.nxCloudId()).toString(),
                "NX_SELF_HOSTED_REMOTE_CACHE_ACCESS_TOKEN", team.token());
    }

    static HttpRequest.Builder request(LaunchedNode node, Team team, String hash, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(node.base.resolve("nx/" + team.nxCloudId() + "/v1/cache/" + hash));
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    static HttpResponse<String> put(LaunchedNode node, Team team, String hash, String token, byte[] body) throws Exception {
        return Api.send(request(node, team, hash, token).PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    static HttpResponse<byte[]> get(LaunchedNode node, Team team, String hash, String token) throws Exception {
        return Api.sendForBytes(request(node, team, hash, token));
    }

    /** What {@code ss} lists, one socket a line: the listeners with {@code -tulnp}, the connections with {@code -tnp}. */
    private static List<String> ss(String options) throws Exception {
        Process ss = new ProcessBuilder("ss", "-H", options).redirectErrorStream(true).start();
        String listed = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, ss.waitFor(), listed);
        return listed.lines().toList();
    }

    private static Map<String, String> with(Map<String, String> shared, String key, String value) {
        Map<String, String> environment = new java.util.HashMap<>(shared);
        environment.put(key, value);
        return environment;
    }

    interface Call<T> {
        T call() throws Exception;
    }

    static <T> T unchecked(Call<T> call) {
        try {
            return call.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
