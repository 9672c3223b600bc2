package dev.gatehouse.it;

import static dev.gatehouse.it.Browser.someone;
import static dev.gatehouse.it.Browser.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.htmlunit.html.HtmlCheckBoxInput;
import org.htmlunit.html.HtmlPage;

/**
 * What the cache's tests share: a workspace made through the pages by its admin, who keeps the browser
 * and a personal access token, the requests nx sends, and where the artifacts lie on disk.
 */
abstract class CacheTests extends DeployedGatehouse {

    /** An organization with a workspace, its admin with a token, and the admin's browser still open. */
    record Setup(Browser admin, String adminToken, HtmlPage organization, HtmlPage workspace, String nxCloudId) {
    }

    Setup workspace() throws Exception {
        Browser admin = new Browser(base);
        admin.signUp(someone());
        String token = Browser.shownToken(admin.newToken("nx", "30 days"));
        HtmlPage organization = admin.createOrganization("Cache org " + someone());
        HtmlPage workspace = Browser.createWorkspace(organization, "repo").getAnchorByText("repo").click();
        return new Setup(admin, token, admin.open(organization.getUrl().toString()), workspace,
                workspace.getElementById("nxCloudId").getTextContent());
    }

    static HtmlPage workspacePage(Setup setup) throws IOException {
        return setup.admin().open(setup.workspace().getUrl().toString());
    }

    static String member(Setup setup, Browser browser) throws Exception {
        String name = someone();
        browser.signUp(name);
        Browser.addMember(setup.admin().open(setup.organization().getUrl().toString()), name);
        return Browser.shownToken(browser.newToken("nx", "30 days"));
    }

    static void levels(Setup setup, String idLevel, String patLevel) throws Exception {
        HtmlPage page = workspacePage(setup);
        Browser.choose(page, "idAccessLevel", idLevel);
        Browser.choose(page, "patAccessLevel", patLevel);
        assertTrue(text(Browser.press(page, "Save access levels")).contains("Access levels saved"));
    }

    static void trustMembersUploads(Setup setup, boolean trusted) throws Exception {
        HtmlPage page = workspacePage(setup);
        ((HtmlCheckBoxInput) page.getElementById("membersUploadsTrusted")).setChecked(trusted);
        assertTrue(text(Browser.press(page, "Save access levels")).contains("members' uploads " + (trusted ? "trusted" : "untrusted")));
    }

    URI artifact(String nxCloudId, String hash) {
        return base.resolve("nx/" + nxCloudId + "/v1/cache/" + hash);
    }

    static HttpRequest.Builder as(URI uri, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Content-Type", "application/octet-stream");
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    static HttpResponse<byte[]> get(URI uri, String token) throws Exception {
        return Api.sendForBytes(as(uri, token).header("Accept", "application/octet-stream").GET());
    }

    static HttpResponse<String> put(URI uri, String token, byte[] body) throws Exception {
        return Api.send(as(uri, token).PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    static void assertSays(HttpResponse<?> response, int status, String sentence) {
        assertEquals(status, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        String body = response.body() instanceof byte[] raw ? new String(raw) : String.valueOf(response.body());
        assertTrue(body.contains(sentence), body);
    }

    static Path cacheFolder(Setup setup) {
        return Path.of(System.getProperty("gatehouse.itData"), "cache", setup.nxCloudId());
    }

    /** Where an operator finds an artifact: {@code <cache>/<nxCloudId>[/.untrusted]/ab/cd/<hash>}, by its first four characters. */
    static Path artifactFile(Setup setup, boolean untrusted, String hash) {
        Path tier = untrusted ? cacheFolder(setup).resolve(".untrusted") : cacheFolder(setup);
        return tier.resolve(hash.substring(0, 2)).resolve(hash.substring(2, 4)).resolve(hash);
    }

    /** The artifacts of one tier, as files in their folders. */
    static List<Path> artifactFiles(Setup setup, boolean untrusted) throws IOException {
        Path tier = untrusted ? cacheFolder(setup).resolve(".untrusted") : cacheFolder(setup);
        if (!Files.isDirectory(tier)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(tier)) {
            return files.filter(Files::isRegularFile).filter(file -> untrusted || !file.startsWith(tier.resolve(".untrusted")))
                    .filter(file -> file.getNameCount() - tier.getNameCount() == 3).toList();
        }
    }

    static long storedArtifacts(Setup setup) throws Exception {
        return artifactFiles(setup, false).size();
    }
}
