package dev.gatehouse.it;

import static dev.gatehouse.it.Artifacts.bytes;
import static dev.gatehouse.it.Artifacts.hash;
import static dev.gatehouse.it.Browser.someone;
import static dev.gatehouse.it.Browser.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/**
 * The remote cache over HTTP, exactly as the nx client uses it: every status of the spec, the two
 * access levels, immutability under concurrent writes, the size limit and the hash check. The real
 * nx client's runs are {@link NxIT}.
 */
class CacheIT extends CacheTests {

    @Test
    void anArtifactIsStoredOnceAndReadBackByteForByte() throws Exception {
        Fixture.Workspace setup = Fixture.workspace();
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

    @Test
    void theTwoAccessLevelsDecideWhoReadsAndWrites() throws Exception {
        Fixture.Workspace setup = Fixture.workspace();
        String memberToken = Fixture.member(setup);
        String outsiderToken = Fixture.outsider();
        String hash = hash();
        URI uri = artifact(setup.nxCloudId(), hash);
        assertEquals(200, put(artifact(setup.nxCloudId(), hash()), null, bytes(100)).statusCode(), "read-write by id is the default");
        assertEquals(200, put(uri, memberToken, bytes(100)).statusCode());

        Fixture.levels(setup, "NONE", "READ_WRITE");
        assertSays(get(uri, null), 401, "This workspace does not allow anonymous access. Run `gatehouse login`");
        assertSays(put(artifact(setup.nxCloudId(), hash()), null, bytes(10)), 401, "does not allow anonymous access");
        assertSays(get(uri, outsiderToken), 401, "you are not a member of its organization");
        assertEquals(200, get(uri, memberToken).statusCode());
        assertEquals(200, put(artifact(setup.nxCloudId(), hash()), memberToken, bytes(10)).statusCode());

        Fixture.levels(setup, "READ_ONLY", "READ_ONLY");
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
        Fixture.Workspace setup = Fixture.workspace();
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

    @Test
    void malformedRequestsAreRefusedAndStoreNothing() throws Exception {
        Fixture.Workspace setup = Fixture.workspace();
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
