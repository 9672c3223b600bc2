package dev.gatehouse.it;

import static dev.gatehouse.it.Artifacts.RANDOM;
import static dev.gatehouse.it.Artifacts.bytes;
import static dev.gatehouse.it.Artifacts.hash;
import static dev.gatehouse.it.Browser.someone;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The real nx client (npm nx 24) against Gatehouse, end to end: remote hits byte for byte, the access
 * levels and the untrusted tier as nx meets them, a full disk, and the source document's own commands
 * through Gatehouse's nx client. One npm install of nx serves the class.
 */
class NxIT extends CacheTests {

    @Test
    void theRealNxClientGetsARemoteHitThroughGatehouse() throws Exception {
        Setup setup = workspace();
        try (Browser admin = setup.admin()) {
            NxWorkspace nx = nx();
            nx.plain(setup.nxCloudId());
            String server = base.resolve("nx/" + setup.nxCloudId()).toString();
            Map<String, String> withToken = Map.of("NX_SELF_HOSTED_REMOTE_CACHE_SERVER", server,
                    "NX_SELF_HOSTED_REMOTE_CACHE_ACCESS_TOKEN", setup.adminToken());

            NxWorkspace.Run first = nx.buildFromScratch(withToken);
            assertEquals(0, first.exitCode(), first.output());
            byte[] built = Files.readAllBytes(nx.output());
            assertEquals(1, storedArtifacts(setup), "the run stored its outputs");

            NxWorkspace.Run second = nx.buildFromScratch(withToken);
            assertEquals(0, second.exitCode(), second.output());
            assertTrue(second.output().contains("[remote cache]"), second.output());
            assertArrayEquals(built, Files.readAllBytes(nx.output()), "restored byte for byte");

            levels(setup, "READ_WRITE", "READ_ONLY");
            nx.input("second");
            NxWorkspace.Run readOnly = nx.buildFromScratch(withToken);
            assertEquals(0, readOnly.exitCode(), "a read-only token leaves the run green: " + readOnly.output());
            assertEquals(1, storedArtifacts(setup), "and stores nothing");

            levels(setup, "NONE", "READ_WRITE");
            NxWorkspace.Run anonymous = nx.buildFromScratch(Map.of("NX_SELF_HOSTED_REMOTE_CACHE_SERVER", server));
            assertTrue(anonymous.exitCode() != 0, anonymous.output());
            assertTrue(anonymous.output().contains("This workspace does not allow anonymous access."), anonymous.output());
        }
    }

    /**
     * The attack with the real nx client and the seed's default levels: an anonymous caller builds the
     * sources CI is about to build (the same sources give the same hash) and uploads first.
     */
    @Test
    void theCreepAttackFailsAgainstTheRealNxClient() throws Exception {
        Setup setup = workspace();
        try (Browser admin = setup.admin(); Browser memberBrowser = new Browser(base)) {
            String ci = Browser.newWorkspaceToken(workspacePage(setup), "ci", "Read-write");
            String memberToken = member(setup, memberBrowser);
            NxWorkspace nx = nx();
            nx.plain(setup.nxCloudId());
            nx.input("creep " + RANDOM.nextLong());
            String server = base.resolve("nx/" + setup.nxCloudId()).toString();
            // The attacker builds the same sources without a token: a real nx artifact under CI's hash,
            // with other bytes (the build writes random ones), planted before CI runs.
            NxWorkspace.Run attack = nx.buildFromScratch(Map.of("NX_SELF_HOSTED_REMOTE_CACHE_SERVER", server));
            assertEquals(0, attack.exitCode(), attack.output());
            byte[] planted = Files.readAllBytes(nx.output());
            String hash;
            List<Path> plantedFiles = artifactFiles(setup, true);
            assertEquals(1, plantedFiles.size(), plantedFiles.toString());
            hash = plantedFiles.get(0).getFileName().toString();
            assertEquals(artifactFile(setup, true, hash), plantedFiles.get(0), "in its folders by hash");
            assertEquals(0, storedArtifacts(setup), "planted in the untrusted tier only");

            Map<String, String> asCi = Map.of("NX_SELF_HOSTED_REMOTE_CACHE_SERVER", server, "NX_SELF_HOSTED_REMOTE_CACHE_ACCESS_TOKEN", ci);
            NxWorkspace.Run first = nx.buildFromScratch(asCi);
            assertEquals(0, first.exitCode(), first.output());
            assertFalse(first.output().contains("[remote cache]"), "a remote miss for CI: " + first.output());
            byte[] output = Files.readAllBytes(nx.output());
            assertFalse(java.util.Arrays.equals(planted, output), "CI built its own bytes");
            assertTrue(Files.isRegularFile(artifactFile(setup, false, hash)), "and stored them in the trusted tier");

            NxWorkspace.Run second = nx.buildFromScratch(asCi);
            assertEquals(0, second.exitCode(), second.output());
            assertTrue(second.output().contains("[remote cache]"), second.output());
            assertArrayEquals(output, Files.readAllBytes(nx.output()), "CI restores CI's bytes");

            Map<String, String> asMember = Map.of("NX_SELF_HOSTED_REMOTE_CACHE_SERVER", server, "NX_SELF_HOSTED_REMOTE_CACHE_ACCESS_TOKEN", memberToken);
            NxWorkspace.Run member = nx.buildFromScratch(asMember);
            assertTrue(member.exitCode() == 0 && member.output().contains("[remote cache]"), member.output());
            assertArrayEquals(output, Files.readAllBytes(nx.output()), "a trusted member gets CI's bytes");
            NxWorkspace.Run anonymous = nx.buildFromScratch(Map.of("NX_SELF_HOSTED_REMOTE_CACHE_SERVER", server));
            assertTrue(anonymous.exitCode() == 0 && anonymous.output().contains("[remote cache]"), anonymous.output());
            assertArrayEquals(output, Files.readAllBytes(nx.output()), "an anonymous reader gets CI's bytes: trusted first");
        }
    }

    /**
     * The cache folder's file system fills up (a 1 MiB tmpfs mounted over it for the test): uploads
     * are refused with a 403 that nx carries on after, the real nx run succeeds, stored entries stay
     * intact, nothing half-written is left, and /health and /health/ready say DOWN until there is room
 * again, while /health/live stays UP.
     */
    @Test
    void aFullCacheFolderFailsNoBuildAndLosesNothing() throws Exception {
        Setup setup = workspace();
        Path cache = Path.of(System.getProperty("gatehouse.itData"), "cache");
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", cache.toString())
                .redirectErrorStream(true).start();
        String mounted = new String(mount.getInputStream().readAllBytes());
        org.junit.jupiter.api.Assumptions.assumeTrue(mount.waitFor() == 0, "this machine cannot mount a tmpfs: " + mounted);
        try (Browser ignored = setup.admin()) {
            Files.createDirectories(cache.resolve(".incoming"));
            byte[] kept = bytes(10_000);
            URI keptUri = artifact(setup.nxCloudId(), hash());
            assertEquals(200, put(keptUri, setup.adminToken(), kept).statusCode());
            try (java.io.OutputStream filler = Files.newOutputStream(cache.resolve("filler"))) {
                byte[] chunk = new byte[4096];
                for (int i = 0; i < 1024; i++) {
                    filler.write(chunk);
                }
            } catch (IOException full) {
                // full now, as intended
            }
            HttpResponse<String> health = Api.send(HttpRequest.newBuilder(base.resolve("health")));
            assertEquals(503, health.statusCode(), health.body());
            assertTrue(health.body().contains("\"name\":\"cache-folder\",\"status\":\"DOWN\""), health.body());
            assertEquals(503, Api.send(HttpRequest.newBuilder(base.resolve("health/ready"))).statusCode(), "not ready");
            HttpResponse<String> live = Api.send(HttpRequest.newBuilder(base.resolve("health/live")));
            assertEquals(200, live.statusCode(), "but alive: a restart would not help " + live.body());
            assertTrue(live.body().startsWith("{\"status\":\"UP\""), live.body());

            URI refusedUri = artifact(setup.nxCloudId(), hash());
            assertSays(put(refusedUri, setup.adminToken(), bytes(100_000)), 403, "out of space. The build goes on");
            assertSays(get(refusedUri, setup.adminToken()), 404, "No artifact");
            assertArrayEquals(kept, get(keptUri, setup.adminToken()).body(), "the stored entry is intact");
            try (Stream<Path> parts = Files.list(cache.resolve(".incoming"))) {
                assertEquals(List.of(), parts.toList(), "nothing half-written is left");
            }

            NxWorkspace nx = nx();
            nx.plain(setup.nxCloudId());
            nx.input("full disk " + RANDOM.nextLong());
            NxWorkspace.Run run = nx.buildFromScratch(Map.of("NX_SELF_HOSTED_REMOTE_CACHE_SERVER",
                    base.resolve("nx/" + setup.nxCloudId()).toString(), "NX_SELF_HOSTED_REMOTE_CACHE_ACCESS_TOKEN", setup.adminToken()));
            assertEquals(0, run.exitCode(), "a full cache fails no build: " + run.output());
            assertEquals(1, storedArtifacts(setup), "and stores nothing");
        } finally {
            Process unmount = new ProcessBuilder("umount", "-l", cache.toString()).redirectErrorStream(true).start();
            assertEquals(0, unmount.waitFor(), new String(unmount.getInputStream().readAllBytes()));
        }
        assertEquals(200, Api.send(HttpRequest.newBuilder(base.resolve("health"))).statusCode(), "room again: UP");
        assertEquals(200, Api.send(HttpRequest.newBuilder(base.resolve("health/ready"))).statusCode(), "and ready");
    }

    /** One npm install of nx for the class: it takes a minute or more. */
    private static NxWorkspace installed;

    private static NxWorkspace nx() throws Exception {
        if (installed == null) {
            installed = NxWorkspace.create(Path.of("target/nx-e2e"), "none");
        }
        return installed;
    }

    @AfterAll
    static void deleteNx() throws IOException {
        if (installed != null) {
            installed.delete();
        }
    }

    /**
     * The source document's own commands, served by Gatehouse's nx client: nxCloudId and nxCloudUrl in
     * nx.json, `npx nx login`, builds; no NX_SELF_HOSTED_* variable and no NX_NO_CLOUD anywhere.
     */
    @Test
    void theSourceDocumentsOwnCommandsWorkThroughGatehousesNxClient() throws Exception {
        Setup setup = workspace();
        String url = base.toString().replaceAll("/$", "");
        NxWorkspace nx = nx();
        nx.connect(setup.nxCloudId(), url);

        NxWorkspace.Run unconfirmed = nx.nx(Map.of(), "login");
        assertTrue(unconfirmed.exitCode() != 0, unconfirmed.output());
        assertTrue(unconfirmed.output().contains("Run `npx nx login " + url + "` if you trust it."), unconfirmed.output());

        String name = someone();
        Cli.Running login = nx.start("npx", "--no-install", "nx", "login", url);
        String address = login.approvalAddress();
        try (Chromium browser = new Chromium(base)) {
            browser.open(address);
            browser.follow("Create an account").signUp(name);
            browser.press("Approve");
            browser.assertAt(browser.address(), "Approved.");
        }
        Cli.Result loggedIn = login.finish();
        assertEquals(0, loggedIn.exitCode(), loggedIn.output());
        Path ini = nx.home().resolve(".config/nxcloud/nxcloud.ini");
        assertTrue(loggedIn.output().contains("saved in " + ini), loggedIn.output());
        Matcher saved = Pattern.compile("personalAccessToken=(gatehouse_pat_\\w+)").matcher(Files.readString(ini));
        assertTrue(saved.find(), Files.readString(ini));
        String token = saved.group(1);
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(ini)));
        Browser.addMember(setup.admin().open(setup.organization().getUrl().toString()), name);

        nx.input("through the client " + RANDOM.nextLong());
        NxWorkspace.Run first = nx.buildFromScratch(Map.of());
        assertEquals(0, first.exitCode(), first.output());
        byte[] built = Files.readAllBytes(nx.output());
        NxWorkspace.Run second = nx.buildFromScratch(Map.of());
        assertEquals(0, second.exitCode(), second.output());
        assertTrue(second.output().contains("[remote cache]"), second.output());
        assertArrayEquals(built, Files.readAllBytes(nx.output()), "restored byte for byte");
        assertTrue(clientIsCurrent(nx.root()) || clientIsCurrent(nx.home()), "nx's copy of the client has the hash the server expects: no second download");

        nx.input("while the server is away " + RANDOM.nextLong());
        NxWorkspace.Run offline = nx.buildFromScratch(Map.of("NX_CLOUD_API", "http://127.0.0.1:9"));
        assertEquals(0, offline.exitCode(), "a server that does not answer fails no build: " + offline.output());

        NxWorkspace.Run loggedOut = nx.nx(Map.of(), "logout");
        assertEquals(0, loggedOut.exitCode(), loggedOut.output());
        assertEquals(401, Api.get(base.resolve("api/me"), token).statusCode(), "logout revoked the token");
        assertFalse(Files.readString(ini).contains(token), Files.readString(ini));
        Cli.Result revoked = nx.start("npx", "--no-install", "nx-cloud", "configure", "--personal-access-token=" + token).finish();
        assertEquals(0, revoked.exitCode(), revoked.output());
        nx.input("with a revoked token " + RANDOM.nextLong());
        NxWorkspace.Run refused = nx.buildFromScratch(Map.of());
        assertEquals(0, refused.exitCode(), "a revoked token: a miss, not a failure: " + refused.output());
        assertTrue(refused.output().contains("run `npx nx login`"), refused.output());

        Cli.Result configured = nx.start("npx", "--no-install", "nx-cloud", "configure", "--personal-access-token=" + setup.adminToken()).finish();
        assertEquals(0, configured.exitCode(), configured.output());
        assertTrue(Files.readString(ini).contains(setup.adminToken()) && !Files.readString(ini).contains(token), Files.readString(ini));
        String workspaceToken = Browser.newWorkspaceToken(workspacePage(setup), "ci", "Read-write");
        nx.legacy(workspaceToken, url);
        Cli.Result converted = nx.start("npx", "--no-install", "nx-cloud", "convert-to-nx-cloud-id").finish();
        assertEquals(0, converted.exitCode(), converted.output());
        assertEquals("{\"nxCloudId\":\"" + setup.nxCloudId() + "\",\"nxCloudUrl\":\"" + url + "\"}",
                Files.readString(nx.root().resolve("nx.json")), converted.output());
        Cli.Result unsupported = nx.start("npx", "--no-install", "nx-cloud", "start-ci-run").finish();
        assertTrue(unsupported.exitCode() != 0 && unsupported.output().contains("not supported by Gatehouse"), unsupported.output());
    }

    /** Asks the server whether the client nx unpacked (somewhere under {@code folder}) is the current one. */
    private boolean clientIsCurrent(Path folder) throws Exception {
        Path client;
        try (Stream<Path> files = Files.walk(folder)) {
            var found = files.filter(file -> file.getFileName().toString().equals("index.js")
                    && file.getParent().getFileName().toString().startsWith("gatehouse-")).findFirst();
            if (found.isEmpty()) {
                return false;
            }
            client = found.get().getParent();
        }
        String version = client.getFileName().toString().replaceAll("-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", "");
        List<String> hashes = new ArrayList<>();
        try (Stream<Path> files = Files.list(client)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                hashes.add(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
            }
        }
        hashes.sort(null);
        String contentHash = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(String.join("", hashes).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        HttpResponse<String> verify = Api.send(HttpRequest.newBuilder(base.resolve("nx-cloud/client/verify?version=" + version
                + "&contentHash=" + contentHash)));
        return verify.statusCode() == 200 && verify.body().contains("\"valid\":true");
    }
}
