package dev.gatehouse.it;

import static dev.gatehouse.it.Browser.someone;
import static dev.gatehouse.it.Browser.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The EAR, deployed with {@code asadmin} on a hardened Payara Server 6 domain, behaves as the
 * Micro WAR does: pages, log-in, bearer tokens, EJB role checks and the remote cache.
 */
class PayaraServerIT {

    private static HardenedDomain domain;
    private static URI base;

    @BeforeAll
    static void deploy() throws Exception {
        domain = new HardenedDomain(Path.of(System.getProperty("payara.server.home")));
        domain.harden(Path.of(System.getProperty("gatehouse.hardenScript")), Path.of(System.getProperty("gatehouse.serverData")));
        domain.start();
        domain.deploy(Path.of(System.getProperty("gatehouse.ear")));
        base = domain.base();
    }

    @AfterAll
    static void stop() throws Exception {
        if (domain != null) {
            domain.stop();
        }
    }

    @Test
    void everyListenerIsOnLoopback() throws Exception {
        List<String> addresses = domain.listeningAddresses();
        assertFalse(addresses.isEmpty(), "found the domain's listeners");
        for (String address : addresses) {
            assertTrue(address.startsWith("127.0.0.1:") || address.startsWith("[::ffff:127.0.0.1]:"), addresses.toString());
        }
    }

    @Test
    void item14_theAdminUserNeedsItsPassword() throws Exception {
        Process refused = domain.withoutPassword("list-applications");
        String said = new String(refused.getInputStream().readAllBytes());
        assertTrue(refused.exitValue() != 0, "an admin command without the password is refused: " + said);
        assertFalse(said.contains("gatehouse"), said);
    }

    @Test
    void signUpLogInTokensRolesAndTheCacheWork() throws Exception {
        String name = someone();
        try (Browser browser = new Browser(base)) {
            HtmlPage home = browser.signUp(name);
            assertTrue(text(home).contains("Welcome, " + name), text(home));
            Browser.press(home, "Log out");
            assertTrue(text(browser.logIn(name, Browser.PASSWORD)).contains("Welcome, " + name));

            HttpResponse<String> anonymous = Api.send(HttpRequest.newBuilder(base.resolve("api/me")));
            assertEquals(401, anonymous.statusCode(), "an anonymous caller is refused");

            String token = Browser.shownToken(browser.newToken("server", "30 days"));
            HttpResponse<String> me = Api.get(base.resolve("api/me"), token);
            assertEquals(200, me.statusCode());
            assertTrue(me.body().contains("\"username\":\"" + name + "\""), me.body());

            HtmlPage organization = browser.createOrganization("Server org " + name);
            HtmlPage workspace = Browser.createWorkspace(organization, "repo").getAnchorByText("repo").click();
            String nxCloudId = workspace.getElementById("nxCloudId").getTextContent();
            URI artifact = base.resolve("nx/" + nxCloudId + "/v1/cache/1234567890");
            byte[] body = "artifact bytes".getBytes();
            assertEquals(200, Api.send(HttpRequest.newBuilder(artifact).header("Authorization", "Bearer " + token)
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(body))).statusCode());
            HttpResponse<byte[]> hit = Api.sendForBytes(HttpRequest.newBuilder(artifact).header("Authorization", "Bearer " + token));
            assertEquals(200, hit.statusCode());
            assertArrayEquals(body, hit.body());
        }
    }
}
