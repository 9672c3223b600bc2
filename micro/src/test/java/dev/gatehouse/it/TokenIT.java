package dev.gatehouse.it;

import static dev.gatehouse.it.Browser.fill;
import static dev.gatehouse.it.Browser.press;
import static dev.gatehouse.it.Browser.someone;
import static dev.gatehouse.it.Browser.text;
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
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/**
 * Personal access tokens on the real Payara Micro: made on the profile page, shown once, used as a
 * bearer, listed, revoked and expired; every malformed bearer refused; and the secret found
 * nowhere on disk afterwards.
 */
class TokenIT extends DeployedGatehouse {




    private HttpResponse<String> me(String token) throws Exception {
        return Api.get(base.resolve("api/me"), token);
    }

    @Test
    void aTokenIsMadeShownOnceUsedListedAndRevoked() throws Exception {
        String ada = someone();
        try (Browser browser = new Browser(base)) {
            browser.signUp(ada);
            HtmlPage created = browser.newToken("laptop", "30 days");
            String token = Browser.shownToken(created);
            assertTrue(text(created).contains("shown only this once"));
            assertFalse(created.getByXPath("//button[text()='Copy']").isEmpty(), "a Copy button");

            HttpResponse<String> me = me(token);
            assertEquals(200, me.statusCode());
            assertTrue(me.body().contains("\"username\":\"" + ada + "\""), me.body());
            assertTrue(me.headers().firstValue("Set-Cookie").isEmpty(), "a bearer request opens no session");

            HtmlPage list = browser.open("profile?tab=tokens");
            assertFalse(list.asXml().contains(token), "never shown again");
            String row = list.getElementById("tokenTable").asNormalizedText();
            assertTrue(row.contains("laptop") && row.contains("…" + token.substring(token.length() - 4))
                    && row.contains("Active") && row.contains("from 127.0.0.1"), row);

            HtmlPage confirm = press(list, "Revoke laptop");
            assertTrue(text(confirm).contains("Revoke laptop? Programs using it are refused"));
            HtmlPage revoked = press(confirm, "Yes, revoke laptop");
            assertTrue(text(revoked).contains("Token laptop revoked."));
            assertTrue(revoked.getElementById("tokenTable").asNormalizedText().contains("Revoked"), "still listed, as revoked");

            HttpResponse<String> refused = me(token);
            assertEquals(401, refused.statusCode());
            assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
            assertTrue(refused.body().contains("was revoked"), refused.body());
        }
    }

    @Test
    void anExpiredTokenFailsOnTheNextRequest() throws Exception {
        try (Browser browser = new Browser(base)) {
            browser.signUp(someone());
            String token = Browser.shownToken(browser.newToken("ci", "No expiry"));
            assertEquals(200, me(token).statusCode());
            try (Connection db = Database.connect();
                 PreparedStatement age = db.prepareStatement(
                         "UPDATE PERSONAL_ACCESS_TOKEN SET EXPIRESAT = TIMESTAMP '2001-01-01 00:00:00' WHERE TOKENHASH = ?")) {
                age.setString(1, sha256(token));
                assertEquals(1, age.executeUpdate());
            }
            HttpResponse<String> expired = me(token);
            assertEquals(401, expired.statusCode());
            assertTrue(expired.body().contains("expired on 2001-01-01"), expired.body());
            assertTrue(browser.open("profile?tab=tokens").getElementById("tokenTable").asNormalizedText().contains("Expired"));
        }
    }

    @Test
    void badBearersAreRefusedWithASentence() throws Exception {
        String valid;
        try (Browser browser = new Browser(base)) {
            browser.signUp(someone());
            valid = Browser.shownToken(browser.newToken("valid", "90 days"));
        }
        char last = valid.charAt(valid.length() - 1);
        String mistyped = valid.substring(0, valid.length() - 1) + (last == 'a' ? 'b' : 'a');
        URI me = base.resolve("api/me");
        assertRefused(Api.get(me, "hello"), 401, "not a Gatehouse personal access token");
        assertRefused(Api.get(me, mistyped), 401, "mistyped");
        assertRefused(Api.get(me, "ghp_" + valid.substring("gatehouse_pat_".length())), 401, "not a Gatehouse personal access token");
        assertRefused(Api.get(me, "gatehouse_pat_" + "A".repeat(38)), 401, "mistyped");
        assertRefused(Api.send(HttpRequest.newBuilder(me).header("Authorization", "Bearer ")), 401, "names no token");
        assertRefused(Api.send(HttpRequest.newBuilder(me).header("Authorization", "Basic YWRhOnB3")), 401, "Authorization: Bearer");
        assertRefused(Api.send(HttpRequest.newBuilder(me).header("Authorization", "Bearer " + valid)
                .header("Authorization", "Bearer " + valid)), 400, "one Authorization header");
        HttpResponse<String> huge = Api.get(me, "x".repeat(64 * 1024));
        assertTrue(huge.statusCode() >= 400 && huge.statusCode() < 500, "huge header: " + huge.statusCode());
        assertEquals(200, Api.get(me, valid).statusCode(), "and the valid token still works");
    }

    @Test
    void someoneElsesTokenCannotBeRevokedByGuessingItsId() throws Exception {
        String alices;
        String bobs;
        try (Browser alice = new Browser(base); Browser bob = new Browser(base)) {
            alice.signUp(someone());
            bob.signUp(someone());
            alices = Browser.shownToken(alice.newToken("alice's", "30 days"));
            bobs = Browser.shownToken(bob.newToken("bob's", "30 days"));
        }
        Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(Api.get(base.resolve("api/tokens"), alices).body());
        assertTrue(id.find());
        HttpResponse<String> guessed = Api.send(HttpRequest.newBuilder(base.resolve("api/tokens/" + id.group(1)))
                .header("Authorization", "Bearer " + bobs).DELETE());
        assertEquals(404, guessed.statusCode());
        assertTrue(guessed.body().contains("No such token among yours."));
        assertEquals(200, me(alices).statusCode(), "alice's token still works");
    }

    @Test
    void badNamesAndTheLimitOfAHundredActiveTokensAreExplained() throws Exception {
        try (Browser browser = new Browser(base)) {
            browser.signUp(someone());
            HtmlPage blank = browser.newToken("   ", "30 days");
            assertEquals(400, blank.getWebResponse().getStatusCode());
            assertTrue(text(blank).contains("cannot be empty"));
            assertTrue(text(browser.newToken("x".repeat(101), "30 days")).contains("at most 100 characters"));
            for (int i = 0; i < 100; i++) {
                assertEquals(200, browser.newToken("t" + i, "30 days").getWebResponse().getStatusCode());
            }
            HtmlPage refused = browser.newToken("one too many", "30 days");
            assertTrue(text(refused).contains("You have 100 active tokens, the most allowed."), text(refused));
        }
    }

    /** On PostgreSQL this checks the server's files only; the database's own files live elsewhere. */
    @Test
    void thePlainTokenIsNowhereOnDiskAfterUse() throws Exception {
        String token;
        try (Browser browser = new Browser(base)) {
            browser.signUp(someone());
            token = Browser.shownToken(browser.newToken("secret keeper", "30 days"));
        }
        assertEquals(200, me(token).statusCode());
        assertEquals(401, me(token + "x").statusCode());
        if (Database.isH2()) {
            try (Connection db = Database.connect()) {
                db.createStatement().execute("CHECKPOINT SYNC");
            }
        }
        List<Path> files = filesUnder(System.getProperty("gatehouse.itData"), System.getProperty("java.io.tmpdir"));
        byte[] secret = token.getBytes(StandardCharsets.UTF_8);
        byte[] hash = sha256(token).getBytes(StandardCharsets.UTF_8);
        boolean hashStored = false;
        for (Path file : files) {
            byte[] content = Files.readAllBytes(file);
            assertFalse(contains(content, secret), "the token is in " + file);
            hashStored |= contains(content, hash);
        }
        if (Database.isH2()) {
            assertTrue(hashStored, "the scan does find what is stored: the token's hash");
        }
    }

    private static List<Path> filesUnder(String... folders) throws IOException {
        List<Path> files = new java.util.ArrayList<>();
        for (String folder : folders) {
            try (Stream<Path> walk = Files.walk(Path.of(folder))) {
                walk.filter(Files::isRegularFile).filter(f -> f.toFile().length() < 200_000_000L).forEach(files::add);
            }
        }
        return files;
    }

    /** As Latin-1 text, one char a byte, so that the JDK's fast search does it: the folders hold hundreds of MB. */
    private static boolean contains(byte[] haystack, byte[] needle) {
        return new String(haystack, StandardCharsets.ISO_8859_1).contains(new String(needle, StandardCharsets.ISO_8859_1));
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static void assertRefused(HttpResponse<String> response, int status, String sentence) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"), response.headers().toString());
        assertTrue(response.body().contains(sentence), response.body());
    }
}
