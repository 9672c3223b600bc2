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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.htmlunit.html.HtmlCheckBoxInput;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The remote cache over HTTP, exactly as the nx client uses it: every status of the spec, the two
 * access levels, immutability under concurrent writes, the size limit and the hash check.
 */
class CacheIT extends DeployedGatehouse {





    /** An organization with a workspace, its admin with a token, and the admin's browser still open. */
    private record Setup(Browser admin, String adminToken, HtmlPage organization, HtmlPage workspace, String nxCloudId) {
    }

    private Setup workspace() throws Exception {
        Browser admin = new Browser(base);
        admin.signUp(someone());
        String token = Browser.shownToken(admin.newToken("nx", "30 days"));
        HtmlPage organization = admin.createOrganization("Cache org " + someone());
        HtmlPage workspace = Browser.createWorkspace(organization, "repo").getAnchorByText("repo").click();
        return new Setup(admin, token, admin.open(organization.getUrl().toString()), workspace,
                workspace.getElementById("nxCloudId").getTextContent());
    }

    private static HtmlPage workspacePage(Setup setup) throws IOException {
        return setup.admin().open(setup.workspace().getUrl().toString());
    }

    private static String member(Setup setup, Browser browser) throws Exception {
        String name = someone();
        browser.signUp(name);
        Browser.addMember(setup.admin().open(setup.organization().getUrl().toString()), name);
        return Browser.shownToken(browser.newToken("nx", "30 days"));
    }

    private static void levels(Setup setup, String idLevel, String patLevel) throws Exception {
        HtmlPage page = workspacePage(setup);
        Browser.choose(page, "idAccessLevel", idLevel);
        Browser.choose(page, "patAccessLevel", patLevel);
        assertTrue(text(Browser.press(page, "Save access levels")).contains("Access levels saved"));
    }

    private static void trustMembersUploads(Setup setup, boolean trusted) throws Exception {
        HtmlPage page = workspacePage(setup);
        ((HtmlCheckBoxInput) page.getElementById("membersUploadsTrusted")).setChecked(trusted);
        assertTrue(text(Browser.press(page, "Save access levels")).contains("members' uploads " + (trusted ? "trusted" : "untrusted")));
    }

    private URI artifact(String nxCloudId, String hash) {
        return base.resolve("nx/" + nxCloudId + "/v1/cache/" + hash);
    }

    private static HttpRequest.Builder as(URI uri, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Content-Type", "application/octet-stream");
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private static HttpResponse<byte[]> get(URI uri, String token) throws Exception {
        return Api.sendForBytes(as(uri, token).header("Accept", "application/octet-stream").GET());
    }

    private static HttpResponse<String> put(URI uri, String token, byte[] body) throws Exception {
        return Api.send(as(uri, token).PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private static void assertSays(HttpResponse<?> response, int status, String sentence) {
        assertEquals(status, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        String body = response.body() instanceof byte[] raw ? new String(raw) : String.valueOf(response.body());
        assertTrue(body.contains(sentence), body);
    }

    @Test
    void anArtifactIsStoredOnceAndReadBackByteForByte() throws Exception {
        Setup setup = workspace();
        try (Browser ignored = setup.admin()) {
            String hash = hash();
            byte[] body = bytes(300_000);
            URI uri = artifact(setup.nxCloudId(), hash);
            assertSays(get(uri, setup.adminToken()), 404, "No artifact with this hash");
            assertEquals(200, put(uri, setup.adminToken(), body).statusCode());

            HttpResponse<byte[]> hit = get(uri, setup.adminToken());
            assertEquals(200, hit.statusCode());
            assertArrayEquals(body, hit.body());
            assertEquals("application/octet-stream", hit.headers().firstValue("Content-Type").orElse(""));
            assertEquals(String.valueOf(body.length), hit.headers().firstValue("Content-Length").orElse(""));

            assertSays(put(uri, setup.adminToken(), bytes(10)), 409, "never replaced");
            assertArrayEquals(body, get(uri, setup.adminToken()).body(), "the first bytes stay");
            HttpResponse<byte[]> doubleSlash = get(base.resolve("nx/" + setup.nxCloudId() + "//v1/cache/" + hash), setup.adminToken());
            assertArrayEquals(body, doubleSlash.body(), "// is read as /");

            byte[] empty = new byte[0];
            URI emptyUri = artifact(setup.nxCloudId(), hash());
            assertEquals(200, put(emptyUri, setup.adminToken(), empty).statusCode());
            assertEquals(200, get(emptyUri, setup.adminToken()).statusCode(), "an empty artifact is a hit too");
        }
    }

    @Test
    void theTwoAccessLevelsDecideWhoReadsAndWrites() throws Exception {
        Setup setup = workspace();
        try (Browser admin = setup.admin(); Browser memberBrowser = new Browser(base); Browser outsider = new Browser(base)) {
            String memberToken = member(setup, memberBrowser);
            outsider.signUp(someone());
            String outsiderToken = Browser.shownToken(outsider.newToken("nx", "30 days"));
            String hash = hash();
            URI uri = artifact(setup.nxCloudId(), hash);
            assertEquals(200, put(artifact(setup.nxCloudId(), hash()), null, bytes(100)).statusCode(), "read-write by id is the default");
            assertEquals(200, put(uri, memberToken, bytes(100)).statusCode());

            levels(setup, "NONE", "READ_WRITE");
            assertSays(get(uri, null), 401, "This workspace does not allow anonymous access. Run `gatehouse login`");
            assertSays(put(artifact(setup.nxCloudId(), hash()), null, bytes(10)), 401, "does not allow anonymous access");
            assertSays(get(uri, outsiderToken), 401, "you are not a member of its organization");
            assertEquals(200, get(uri, memberToken).statusCode());
            assertEquals(200, put(artifact(setup.nxCloudId(), hash()), memberToken, bytes(10)).statusCode());

            levels(setup, "READ_ONLY", "READ_ONLY");
            assertEquals(200, get(uri, null).statusCode());
            assertEquals(200, get(uri, outsiderToken).statusCode());
            assertSays(put(artifact(setup.nxCloudId(), hash()), null, bytes(10)), 403, "read-only for you");
            assertSays(put(artifact(setup.nxCloudId(), hash()), memberToken, bytes(10)), 403, "read-only for you");
            assertEquals(200, get(uri, memberToken).statusCode());

            String unknown = "Zz" + setup.nxCloudId().substring(2);
            assertSays(get(artifact(unknown, hash), null), 401, "does not allow anonymous access");
            assertSays(get(artifact("not-an-id", hash), null), 401, "does not allow anonymous access");
            assertSays(get(uri, "gatehouse_pat_nonsense"), 401, "not a Gatehouse personal access token");
        }
    }

    @Test
    void removingAMemberOrRevokingATokenCountsOnTheNextRequest() throws Exception {
        Setup setup = workspace();
        try (Browser admin = setup.admin(); Browser memberBrowser = new Browser(base)) {
            String memberToken = member(setup, memberBrowser);
            levels(setup, "NONE", "READ_WRITE");
            URI uri = artifact(setup.nxCloudId(), hash());
            assertEquals(200, put(uri, memberToken, bytes(10)).statusCode());
            assertEquals(200, get(uri, memberToken).statusCode());

            String memberName = memberBrowser.open("profile").getElementsByTagName("strong").get(0).getTextContent();
            Browser.press(admin.open(setup.organization().getUrl().toString()), "Remove " + memberName);
            assertSays(get(uri, memberToken), 401, "you are not a member of its organization");

            assertEquals(200, get(uri, setup.adminToken()).statusCode());
            HtmlPage tokens = admin.open("profile?tab=tokens");
            Browser.press(Browser.press(tokens, "Revoke nx"), "Yes, revoke nx");
            assertSays(get(uri, setup.adminToken()), 401, "was revoked");
            assertSays(put(artifact(setup.nxCloudId(), hash()), setup.adminToken(), bytes(10)), 401, "was revoked");
        }
    }

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
     * The tier matrix over HTTP, the same table as the decision's unit test: each kind of writer, with
     * members' uploads trusted and not, and which kinds of reader then get the entry (the rest miss).
     */
    @Test
    void untrustedUploadsNeverReachTheCallersAWorkspaceTrusts() throws Exception {
        Setup setup = workspace();
        try (Browser admin = setup.admin(); Browser memberBrowser = new Browser(base); Browser outsider = new Browser(base)) {
            Map<String, String> tokens = new java.util.LinkedHashMap<>();
            tokens.put("anonymous", null);
            outsider.signUp(someone());
            tokens.put("outsider-pat", Browser.shownToken(outsider.newToken("nx", "30 days")));
            tokens.put("member-pat", member(setup, memberBrowser));
            tokens.put("ci-token-ro", Browser.newWorkspaceToken(workspacePage(setup), "pr", "Read-only"));
            tokens.put("ci-token-rw", Browser.newWorkspaceToken(workspacePage(setup), "ci", "Read-write"));
            String[][] table = {
                    // members' uploads trusted, writer, readers who get the entry
                    {"true", "anonymous", "anonymous outsider-pat ci-token-ro"},
                    {"true", "outsider-pat", "anonymous outsider-pat ci-token-ro"},
                    {"true", "member-pat", "anonymous outsider-pat member-pat ci-token-ro ci-token-rw"},
                    {"true", "ci-token-rw", "anonymous outsider-pat member-pat ci-token-ro ci-token-rw"},
                    {"false", "anonymous", "anonymous outsider-pat member-pat ci-token-ro"},
                    {"false", "outsider-pat", "anonymous outsider-pat member-pat ci-token-ro"},
                    {"false", "member-pat", "anonymous outsider-pat member-pat ci-token-ro"},
                    {"false", "ci-token-rw", "anonymous outsider-pat member-pat ci-token-ro ci-token-rw"},
            };
            List<String> wrong = new ArrayList<>();
            boolean trusted = true;
            for (String[] row : table) {
                if (Boolean.parseBoolean(row[0]) != trusted) {
                    trusted = Boolean.parseBoolean(row[0]);
                    trustMembersUploads(setup, trusted);
                }
                URI uri = artifact(setup.nxCloudId(), hash());
                assertEquals(200, put(uri, tokens.get(row[1]), bytes(10)).statusCode(), row[1]);
                List<String> readers = List.of(row[2].split(" "));
                for (Map.Entry<String, String> reader : tokens.entrySet()) {
                    int expected = readers.contains(reader.getKey()) ? 200 : 404;
                    int status = get(uri, reader.getValue()).statusCode();
                    if (status != expected) {
                        wrong.add("trusted " + trusted + ", " + row[1] + " wrote, " + reader.getKey() + " got " + status);
                    }
                }
            }
            assertEquals(List.of(), wrong);
            String audit = admin.open(setup.organization().getUrl().toString()).getElementById("audit").asNormalizedText();
            assertTrue(audit.contains("change members' upload trust") && audit.contains("members' uploads untrusted"), audit);
        }
    }

    /**
     * CREEP: someone who knows only the nxCloudId plants bytes under a hash CI will compute. CI still
     * stores its own, everyone gets CI's, and the workspace page shows both entries' provenance,
     * down to the SHA-256 of their bytes, and purges by token and by person.
     */
    @Test
    void aPlantedHashDoesNotBlockCiAndTheAdminSeesAndPurgesItsProvenance() throws Exception {
        Setup setup = workspace();
        try (Browser admin = setup.admin(); Browser memberBrowser = new Browser(base)) {
            String ci = Browser.newWorkspaceToken(workspacePage(setup), "ci", "Read-write");
            String memberToken = member(setup, memberBrowser);
            String hash = hash();
            URI uri = artifact(setup.nxCloudId(), hash);
            byte[] planted = bytes(500);
            byte[] built = bytes(700);
            assertEquals(200, put(uri, null, planted).statusCode());
            assertSays(put(uri, null, bytes(5)), 409, "never replaced");
            assertSays(get(uri, ci), 404, "No artifact");
            assertEquals(200, put(uri, ci, built).statusCode(), "the untrusted entry does not block CI");
            for (String reader : new String[] {ci, null, memberToken, setup.adminToken()}) {
                assertArrayEquals(built, get(uri, reader).body(), "CI's bytes, trusted first");
            }
            assertSays(put(uri, null, bytes(5)), 409, "stored already");

            HtmlPage page = workspacePage(setup);
            Browser.fill(page, "Hash", hash);
            page = Browser.press(page, "Look up");
            String found = page.getElementById("foundEntries").asNormalizedText().replaceAll("\\s+", " ");
            assertTrue(found.contains("Trusted") && found.contains("workspace token ci") && found.contains(sha256(built)), found);
            assertTrue(found.contains("Untrusted") && found.contains("anonymous") && found.contains(sha256(planted)), found);
            assertTrue(found.contains("127.0.0.1") && found.contains("700 B") && found.contains("500 B"), found);
            String holdings = page.getElementById("cacheHoldings").asNormalizedText().replaceAll("\\s+", " ");
            assertTrue(holdings.contains("Trusted 1 700 B") && holdings.contains("Untrusted 1 500 B"), holdings);

            String memberHash = hash();
            assertEquals(200, put(artifact(setup.nxCloudId(), memberHash), memberToken, bytes(10)).statusCode());
            assertEquals(200, put(artifact(setup.nxCloudId(), hash()), memberToken, bytes(10)).statusCode());
            page = Browser.press(workspacePage(setup), "Purge all written with token #" + tokenId(page, "ci"));
            assertTrue(text(page).contains("Purged 1 entry written with the token of workspace token ci"), text(page));
            assertSays(get(uri, ci), 404, "No artifact");
            assertArrayEquals(planted, get(uri, null).body(), "the untrusted entry stays");
            assertEquals(200, get(artifact(setup.nxCloudId(), memberHash), memberToken).statusCode(), "others stay");

            Browser.fill(page, "Hash", memberHash);
            page = Browser.press(Browser.press(page, "Look up"), "Purge all by " + memberBrowser.open("profile").getElementsByTagName("strong").get(0).getTextContent());
            assertTrue(text(page).contains("Purged 2 entries written by"), text(page));
            assertSays(get(artifact(setup.nxCloudId(), memberHash), memberToken), 404, "No artifact");
            assertEquals(200, put(uri, ci, built).statusCode(), "a purged hash can be written again");

            page = Browser.press(Browser.press(page, "Purge the untrusted tier"), "Yes, purge the untrusted tier");
            assertTrue(text(page).contains("Purged 1 entry in the untrusted tier"), text(page));
            assertFalse(Files.exists(artifactFile(setup, true, hash)), "its file went too");
            String audit = admin.open(setup.organization().getUrl().toString()).getElementById("audit").asNormalizedText();
            assertTrue(audit.contains("purge cache by token") && audit.contains("purge cache by person")
                    && audit.contains("2 entries purged") && audit.contains("purge untrusted cache"), audit);
        }
    }

    /** The id the page shows for the token that wrote an entry of the given writer. */
    private static String tokenId(HtmlPage page, String tokenName) {
        Matcher id = Pattern.compile("workspace token " + tokenName + "\\s+#(\\d+)").matcher(page.getElementById("foundEntries").asNormalizedText());
        assertTrue(id.find(), page.getElementById("foundEntries").asNormalizedText());
        return id.group(1);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static Path cacheFolder(Setup setup) {
        return Path.of(System.getProperty("gatehouse.itData"), "cache", setup.nxCloudId());
    }

    /** Where an operator finds an artifact: {@code <cache>/<nxCloudId>[/.untrusted]/ab/cd/<hash>}, by its first four characters. */
    private static Path artifactFile(Setup setup, boolean untrusted, String hash) {
        Path tier = untrusted ? cacheFolder(setup).resolve(".untrusted") : cacheFolder(setup);
        return tier.resolve(hash.substring(0, 2)).resolve(hash.substring(2, 4)).resolve(hash);
    }

    /** The artifacts of one tier, as files in their folders. */
    private static List<Path> artifactFiles(Setup setup, boolean untrusted) throws IOException {
        Path tier = untrusted ? cacheFolder(setup).resolve(".untrusted") : cacheFolder(setup);
        if (!Files.isDirectory(tier)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(tier)) {
            return files.filter(Files::isRegularFile).filter(file -> untrusted || !file.startsWith(tier.resolve(".untrusted")))
                    .filter(file -> file.getNameCount() - tier.getNameCount() == 3).toList();
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

    /**
     * The eviction (every 2 s in these tests): entries unused for 30 days go, and a workspace over the
     * limit its admin set loses its least recently used entries until it is 10 % under it. A read
     * makes an entry recently used; ages are set in the database, as hours would.
     */
    @Test
    void evictionTakesTheIdleAndTheLeastRecentlyUsedDownToTenPercentUnderTheLimit() throws Exception {
        Setup setup = workspace();
        try (Browser admin = setup.admin()) {
            List<String> hashes = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                hashes.add(hash());
                assertEquals(200, put(artifact(setup.nxCloudId(), hashes.get(i)), setup.adminToken(), bytes(30_000)).statusCode());
            }
            java.time.Instant now = java.time.Instant.now();
            for (int i = 0; i < 5; i++) {
                lastUsed(hashes.get(i), now.minus(java.time.Duration.ofHours(5 - i)));
            }
            assertEquals(200, get(artifact(setup.nxCloudId(), hashes.get(0)), setup.adminToken()).statusCode());
            await(() -> lastUsed(hashes.get(0)).isAfter(now.minusSeconds(60)), "the read is noted as the entry's last use");
            String idle = hash();
            assertEquals(200, put(artifact(setup.nxCloudId(), idle), setup.adminToken(), bytes(30_000)).statusCode());
            lastUsed(idle, now.minus(java.time.Duration.ofDays(31)));
            // Watched in the database: a GET would be a read, and make the entry recently used.
            await(() -> !isRecorded(idle), "the idle entry goes");

            HtmlPage page = workspacePage(setup);
            Browser.fill(page, "Storage limit", "a lot");
            assertTrue(text(Browser.press(page, "Save storage limit")).contains("A storage limit is a positive size"));
            page = workspacePage(setup);
            Browser.fill(page, "Storage limit", "100KiB");
            assertTrue(text(Browser.press(page, "Save storage limit")).contains("Storage limit saved: 100.0 KiB."));
            await(() -> !isRecorded(hashes.get(2)), "the least recently used entries go");
            List<Integer> statuses = new ArrayList<>();
            for (String hash : hashes) {
                statuses.add(get(artifact(setup.nxCloudId(), hash), setup.adminToken()).statusCode());
            }
            assertEquals(List.of(200, 404, 404, 200, 200), statuses, "150,000 bytes against 102,400: down to 92,160");
            assertSays(get(artifact(setup.nxCloudId(), idle), setup.adminToken()), 404, "No artifact");
            String tooLarge = hash();
            assertSays(put(artifact(setup.nxCloudId(), tooLarge), setup.adminToken(), bytes(110_000)), 403,
                    "more than this workspace's storage limit");
            assertFalse(isRecorded(tooLarge) || Files.exists(artifactFile(setup, false, tooLarge)),
                    "refused up front: stored, it would have pushed out everything else");
            for (String gone : List.of(hashes.get(1), hashes.get(2), idle)) {
                assertFalse(Files.exists(artifactFile(setup, false, gone)), "its file went too");
            }
            assertTrue(Files.exists(artifactFile(setup, false, hashes.get(0))), "the kept ones stay where they are");
            String audit = admin.open(setup.organization().getUrl().toString()).getElementById("audit").asNormalizedText();
            assertTrue(audit.contains("change cache limit") && audit.contains("100.0 KiB"), audit);
        }
    }

    private static void lastUsed(String hash, java.time.Instant at) throws Exception {
        try (java.sql.Connection db = Database.connect();
             java.sql.PreparedStatement update = db.prepareStatement("UPDATE CACHE_ENTRY SET LASTUSEDAT = ? WHERE HASH = ?")) {
            update.setObject(1, java.time.LocalDateTime.ofInstant(at, java.time.ZoneOffset.UTC));
            update.setString(2, hash);
            assertEquals(1, update.executeUpdate());
        }
    }

    private static boolean isRecorded(String hash) throws Exception {
        try (java.sql.Connection db = Database.connect();
             java.sql.PreparedStatement query = db.prepareStatement("SELECT COUNT(*) FROM CACHE_ENTRY WHERE HASH = ?")) {
            query.setString(1, hash);
            try (java.sql.ResultSet row = query.executeQuery()) {
                return row.next() && row.getLong(1) > 0;
            }
        }
    }

    private static java.time.Instant lastUsed(String hash) throws Exception {
        try (java.sql.Connection db = Database.connect();
             java.sql.PreparedStatement query = db.prepareStatement("SELECT LASTUSEDAT FROM CACHE_ENTRY WHERE HASH = ?")) {
            query.setString(1, hash);
            try (java.sql.ResultSet row = query.executeQuery()) {
                assertTrue(row.next());
                return row.getObject(1, java.time.LocalDateTime.class).toInstant(java.time.ZoneOffset.UTC);
            }
        }
    }

    /** Polls for up to 30 s: the eviction runs in the background. */
    private static void await(Callable<Boolean> condition, String what) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!condition.call()) {
            assertTrue(System.nanoTime() < deadline, "in time: " + what);
            Thread.sleep(200);
        }
    }

    /** The usage counts of a known sequence of requests, exactly, as the API gives them to members. */
    @Test
    void usageCountsEveryOutcomeOfAKnownSequence() throws Exception {
        Setup setup = workspace();
        try (Browser admin = setup.admin(); Browser outsider = new Browser(base)) {
            String readOnly = Browser.newWorkspaceToken(workspacePage(setup), "pr", "Read-only");
            String token = setup.adminToken();
            URI uri = artifact(setup.nxCloudId(), hash());
            assertEquals(200, put(uri, token, bytes(1000)).statusCode());
            assertEquals(409, put(uri, token, bytes(5)).statusCode());
            for (int i = 0; i < 3; i++) {
                assertEquals(200, get(uri, token).statusCode());
            }
            for (int i = 0; i < 2; i++) {
                assertEquals(404, get(artifact(setup.nxCloudId(), hash()), token).statusCode());
            }
            assertEquals(403, put(artifact(setup.nxCloudId(), hash()), readOnly, bytes(5)).statusCode());
            String tooBig = RawHttp.exchange(base.getPort(), "PUT /nx/" + setup.nxCloudId() + "/v1/cache/" + hash()
                    + " HTTP/1.1\nHost: 127.0.0.1\nAuthorization: Bearer " + token + "\nContent-Length: 8388609\nConnection: close", new byte[0]);
            assertTrue(tooBig.startsWith("HTTP/1.1 403"), tooBig);

            URI usage = base.resolve("api/workspaces/" + setup.nxCloudId() + "/usage");
            // Two background batches: the counts every 5 s, the holdings with each eviction run.
            await(() -> {
                String written = Api.get(usage, token).body();
                return count(written, "refusedTooLarge") == 1 && count(written, "entriesHeld") == 1;
            }, "the counts and the holdings are written");
            String today = Api.get(usage, token).body();
            assertEquals(List.of(3L, 2L, 1L, 1L, 1L, 1L, 0L, 3000L, 1000L, 1L, 1000L), List.of(count(today, "hits"),
                    count(today, "misses"), count(today, "stored"), count(today, "refusedExisting"), count(today, "refusedReadOnly"),
                    count(today, "refusedTooLarge"), count(today, "refusedStorage"), count(today, "bytesServed"),
                    count(today, "bytesStored"), count(today, "entriesHeld"), count(today, "bytesHeld")), today);
            assertTrue(today.contains("\"day\":\"" + java.time.LocalDate.now(java.time.ZoneOffset.UTC) + "\""), today);

            outsider.signUp(someone());
            String outsiderToken = Browser.shownToken(outsider.newToken("nx", "30 days"));
            HttpResponse<String> refused = Api.get(usage, outsiderToken);
            assertEquals(404, refused.statusCode(), "a workspace of another organization reads as unknown: " + refused.body());
            assertEquals(401, Api.send(HttpRequest.newBuilder(usage)).statusCode(), "nobody signed in");
        }
    }

    /** A number in the API's JSON answer; -1 when absent. */
    private static long count(String json, String name) {
        Matcher value = Pattern.compile("\"" + name + "\":(\\d+)").matcher(json);
        return value.find() ? Long.parseLong(value.group(1)) : -1;
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
        java.util.List<String> hashes = new java.util.ArrayList<>();
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

    private static long storedArtifacts(Setup setup) throws Exception {
        return artifactFiles(setup, false).size();
    }

    @Test
    void aWorkspaceAccessTokenHasItsOwnLevelOnItsOwnWorkspaceOnly() throws Exception {
        Setup setup = workspace();
        Setup other = workspace();
        try (Browser admin = setup.admin(); Browser otherAdmin = other.admin()) {
            String readWrite = Browser.newWorkspaceToken(workspacePage(setup), "ci", "Read-write");
            String readOnly = Browser.newWorkspaceToken(workspacePage(setup), "pr", "Read-only");
            HtmlPage page = workspacePage(setup);
            assertTrue(page.getElementById("newWorkspaceToken") == null, "shown once only");
            String listed = page.getElementById("workspaceTokenTable").asNormalizedText();
            assertTrue(listed.contains("ci") && listed.contains("Read-write") && listed.contains("pr") && listed.contains("Read-only"), listed);

            levels(setup, "NONE", "READ_ONLY");
            URI uri = artifact(setup.nxCloudId(), hash());
            assertEquals(200, put(uri, readWrite, bytes(100)).statusCode(), "CI's read-write token writes whatever the levels");
            assertEquals(200, get(uri, readOnly).statusCode());
            assertSays(put(artifact(setup.nxCloudId(), hash()), readOnly, bytes(10)), 403, "read-only for you");
            assertSays(get(artifact(other.nxCloudId(), hash()), readWrite), 401, "belongs to another workspace");

            Browser.press(workspacePage(setup), "Revoke ci");
            assertSays(get(uri, readWrite), 401, "unknown to this server, mistyped or revoked");
            assertEquals(200, get(uri, readOnly).statusCode(), "the other token still works");
        }
    }

    @Test
    void concurrentWritesOfOneHashHaveExactlyOneWinner() throws Exception {
        Setup setup = workspace();
        try (Browser ignored = setup.admin()) {
            URI uri = artifact(setup.nxCloudId(), hash());
            int writers = 6;
            List<byte[]> bodies = new ArrayList<>();
            List<Callable<Integer>> puts = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                byte[] body = bytes(2_000_000);
                bodies.add(body);
                puts.add(() -> put(uri, setup.adminToken(), body).statusCode());
            }
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            List<Integer> statuses = new ArrayList<>();
            try {
                for (Future<Integer> status : pool.invokeAll(puts)) {
                    statuses.add(status.get());
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
            assertEquals(writers - 1, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
            assertArrayEquals(bodies.get(statuses.indexOf(200)), get(uri, setup.adminToken()).body(), "the winner's bytes");
        }
    }

    @Test
    void malformedRequestsAreRefusedAndStoreNothing() throws Exception {
        Setup setup = workspace();
        try (Browser ignored = setup.admin()) {
            String token = setup.adminToken();
            for (String hash : new String[] {"a.b", "x".repeat(129), "caf%C3%A9"}) {
                assertSays(get(base.resolve("nx/" + setup.nxCloudId() + "/v1/cache/" + hash), token), 400, "A cache hash is 1 to 128");
            }
            for (String hash : new String[] {"%2e%2e", "a%2Fb"}) {
                assertSays(get(base.resolve("nx/" + setup.nxCloudId() + "/v1/cache/" + hash), token), 400, "Send the plain path");
            }
            assertEquals(404, get(artifact(setup.nxCloudId(), "x".repeat(128)), token).statusCode(), "128 is allowed");
            int port = base.getPort();
            String path = "/nx/" + setup.nxCloudId() + "/v1/cache/";
            String shortHash = hash();
            String shortBody = RawHttp.exchange(port, "PUT " + path + shortHash + " HTTP/1.1\nHost: 127.0.0.1\n"
                    + "Authorization: Bearer " + token + "\nContent-Length: 100\nConnection: close", bytes(50));
            // The client closed its side mid-body; the server may answer 400 or just close the connection.
            assertTrue(shortBody.isEmpty() || shortBody.startsWith("HTTP/1.1 400")
                    && shortBody.contains("The body ended after 50 of the 100 bytes"), shortBody);
            assertEquals(404, get(artifact(setup.nxCloudId(), shortHash), token).statusCode(), "nothing stored");

            String chunked = RawHttp.exchange(port, "PUT " + path + hash() + " HTTP/1.1\nHost: 127.0.0.1\n"
                    + "Authorization: Bearer " + token + "\nTransfer-Encoding: chunked\nConnection: close", "5\r\nhello\r\n0\r\n\r\n".getBytes());
            assertTrue(chunked.startsWith("HTTP/1.1 400") && chunked.contains("Content-Length"), chunked);

            String tooBig = RawHttp.exchange(port, "PUT " + path + hash() + " HTTP/1.1\nHost: 127.0.0.1\n"
                    + "Authorization: Bearer " + token + "\nContent-Length: 8388609\nConnection: close", new byte[0]);
            assertTrue(tooBig.startsWith("HTTP/1.1 403") && tooBig.contains("at most 8388608") && tooBig.contains("The build goes on"), tooBig);
            assertEquals(200, put(artifact(setup.nxCloudId(), hash()), token, bytes(8_388_608)).statusCode(), "the limit itself is allowed");
        }
    }

    @Test
    void item11_anUploadIntoAWorkspaceDeletedMidwayStoresNothing() throws Exception {
        Setup setup = workspace();
        try (Browser ignored = setup.admin();
             java.net.Socket upload = new java.net.Socket("127.0.0.1", base.getPort())) {
            String hash = hash();
            byte[] body = bytes(200_000);
            upload.setSoTimeout(30_000);
            java.io.OutputStream out = upload.getOutputStream();
            out.write(("PUT /nx/" + setup.nxCloudId() + "/v1/cache/" + hash + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: Bearer " + setup.adminToken() + "\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.write(body, 0, 100_000);
            out.flush();
            Thread.sleep(500);

            HtmlPage confirm = Browser.press(workspacePage(setup), "Delete workspace");
            Browser.press(confirm, "Yes, delete this workspace");
            assertEquals(401, get(artifact(setup.nxCloudId(), hash()), setup.adminToken()).statusCode(), "the workspace is gone");

            out.write(body, 100_000, body.length - 100_000);
            out.flush();
            String answer = new String(upload.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 403") && answer.contains("The artifact was not kept"), answer);
            java.nio.file.Path folder = java.nio.file.Path.of(System.getProperty("gatehouse.itData"), "cache", setup.nxCloudId());
            assertFalse(java.nio.file.Files.exists(folder.resolve(hash)), "no file is left behind");
            assertFalse(java.nio.file.Files.exists(folder), "nor the workspace's folder");
        }
    }
}
