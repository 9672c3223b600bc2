package dev.gatehouse.it;

import static dev.gatehouse.it.Browser.fill;
import static dev.gatehouse.it.Browser.press;
import static dev.gatehouse.it.Browser.someone;
import static dev.gatehouse.it.Browser.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/**
 * {@code gatehouse login} end to end: the real CLI jar against the real server, approved, denied or
 * left to expire in a headless browser by a person who signs up on the way; then env, status and
 * logout.
 */
class LoginIT extends DeployedGatehouse {

    private static final Pattern INI_TOKEN = Pattern.compile("personalAccessToken=(gatehouse_pat_[0-9A-Za-z]{38})");

    /** The server's address as a person types it for the CLI: without the trailing slash. */
    private String server() {
        return base.toString().replaceAll("/$", "");
    }

    private static Cli cli() throws Exception {
        return new Cli(Files.createTempDirectory(Path.of("target").toAbsolutePath(), "cli-"));
    }

    /** A newcomer follows the CLI's address: the log-in page, then "Create an account", then back here. */
    private static HtmlPage signUpOnTheWay(Browser browser, String address, String name) throws Exception {
        HtmlPage login = browser.open(address);
        assertTrue(login.getUrl().getPath().endsWith("/login"), login.getUrl().toString());
        HtmlPage signup = login.getAnchorByText("Create an account").click();
        fill(signup, "Username", name);
        fill(signup, "Email", name + "@example.org");
        fill(signup, "Password", Browser.PASSWORD);
        fill(signup, "Repeat password", Browser.PASSWORD);
        return press(signup, "Create account");
    }

    @Test
    void aNewcomerLogsInThroughTheBrowserThenUsesEnvStatusAndLogout() throws Exception {
        Cli cli = cli();
        String name = someone();
        try (Browser browser = new Browser(base)) {
            Cli.Running login = cli.start("login", server(), "--no-browser");
            String address = login.approvalAddress();
            String code = address.substring(address.indexOf("code=") + 5);

            HtmlPage approve = signUpOnTheWay(browser, address, name);
            assertEquals(code, approve.getElementById("userCode").getTextContent());
            assertFalse(approve.getElementById("hostname").getTextContent().isBlank());
            assertEquals("127.0.0.1", approve.getElementById("clientIp").getTextContent());
            assertTrue(text(approve).contains("Do you want to let this terminal use Gatehouse as " + name + "?"));
            HtmlPage approved = press(approve, "Approve");
            assertTrue(text(approved).contains("Approved."), text(approved));

            Cli.Result done = login.finish();
            String output = done.output();
            assertEquals(0, done.exitCode(), output);
            assertTrue(output.contains("shows the code  " + code), output);
            assertTrue(output.contains("saved in " + cli.ini()), output);
            Matcher saved = INI_TOKEN.matcher(Files.readString(cli.ini()));
            assertTrue(saved.find(), Files.readString(cli.ini()));
            String token = saved.group(1);
            assertTrue(Api.get(base.resolve("api/me"), token).body().contains("\"username\":\"" + name + "\""));
            assertTrue(browser.open("profile?tab=tokens").getElementById("tokenTable").asNormalizedText().contains("CLI login on"));
            assertEquals(404, browser.open(address).getWebResponse().getStatusCode(), "the code is spent: approving again does nothing");

            HtmlPage workspace = Browser.createWorkspace(browser.createOrganization("CLI org " + name), "repo")
                    .getAnchorByText("repo").click();
            String nxCloudId = workspace.getElementById("nxCloudId").getTextContent();
            Files.writeString(cli.workspace().resolve("nx.json"), "{\n  \"nxCloudId\": \"" + nxCloudId + "\",\n  \"nxCloudUrl\": \"" + server() + "\"\n}\n");
            Cli.Result env = cli.run("env");
            assertEquals(0, env.exitCode(), env.output());
            assertTrue(env.output().contains("export NX_SELF_HOSTED_REMOTE_CACHE_SERVER='" + server() + "/nx/" + nxCloudId + "'"), env.output());
            assertTrue(env.output().contains("export NX_SELF_HOSTED_REMOTE_CACHE_ACCESS_TOKEN='" + token + "'"), env.output());
            Cli.Result status = cli.run("status");
            assertEquals(0, status.exitCode(), status.output());
            assertTrue(status.output().contains("Signed in: " + name) && status.output().contains("access READ_WRITE"), status.output());

            Cli.Result logout = cli.run("logout");
            assertEquals(0, logout.exitCode(), logout.output());
            assertEquals(401, Api.get(base.resolve("api/me"), token).statusCode(), "revoked on the server");
            assertFalse(Files.readString(cli.ini()).contains(token), "and gone from nxcloud.ini");
        }
    }

    @Test
    void aDeniedLoginEndsTheCliWithAClearMessage() throws Exception {
        Cli cli = cli();
        try (Browser browser = new Browser(base)) {
            browser.signUp(someone());
            Cli.Running login = cli.start("login", server(), "--no-browser");
            HtmlPage approve = browser.open(login.approvalAddress());
            assertTrue(text(press(approve, "Deny")).contains("Denied."));
            Cli.Result done = login.finish();
            String output = done.output();
            assertEquals(1, done.exitCode(), output);
            assertTrue(output.contains("The log-in was denied in the browser."), output);
            assertFalse(Files.exists(cli.ini()), "nothing saved");
        }
    }

    @Test
    void anExpiredLoginEndsTheCliAndItsPageSaysSo() throws Exception {
        Cli cli = cli();
        try (Browser browser = new Browser(base)) {
            browser.signUp(someone());
            Cli.Running login = cli.start("login", server(), "--no-browser");
            String address = login.approvalAddress();
            try (Connection db = Database.connect();
                 PreparedStatement age = db.prepareStatement(
                         "UPDATE LOGIN_REQUEST SET EXPIRESAT = TIMESTAMP '2001-01-01 00:00:00' WHERE USERCODE = ?")) {
                age.setString(1, address.substring(address.indexOf("code=") + 5));
                assertEquals(1, age.executeUpdate());
            }
            Cli.Result done = login.finish();
            String output = done.output();
            assertEquals(1, done.exitCode(), output);
            assertTrue(output.contains("expired"), output);
            HtmlPage page = browser.open(address);
            assertEquals(404, page.getWebResponse().getStatusCode());
            assertTrue(text(page).contains("No open log-in request has this code"), text(page));
        }
    }

    @Test
    void convertToNxCloudIdReplacesALegacyAccessTokenInPlace() throws Exception {
        Cli cli = cli();
        try (Browser browser = new Browser(base)) {
            browser.signUp(someone());
            HtmlPage workspace = Browser.createWorkspace(browser.createOrganization("Legacy " + someone()), "old repo")
                    .getAnchorByText("old repo").click();
            String nxCloudId = workspace.getElementById("nxCloudId").getTextContent();
            String token = Browser.newWorkspaceToken(workspace, "legacy ci", "Read-write");
            String before = "{\n  \"npmScope\": \"acme\",\n  \"nxCloudAccessToken\": \"" + token + "\",\n  \"nxCloudUrl\": \"" + server() + "\"\n}\n";
            Files.writeString(cli.workspace().resolve("nx.json"), before);
            Cli.Result converted = cli.run("convert-to-nx-cloud-id");
            assertEquals(0, converted.exitCode(), converted.output());
            assertTrue(converted.output().contains("CI's secrets"), converted.output());
            assertEquals(before.replace("\"nxCloudAccessToken\": \"" + token + "\"", "\"nxCloudId\": \"" + nxCloudId + "\""),
                    Files.readString(cli.workspace().resolve("nx.json")));

            String unknown = "{ \"nxCloudAccessToken\": \"gatehouse_wat_" + "A".repeat(38) + "\", \"nxCloudUrl\": \"" + server() + "\" }";
            Files.writeString(cli.workspace().resolve("nx.json"), unknown);
            Cli.Result refused = cli.run("convert-to-nx-cloud-id");
            assertEquals(1, refused.exitCode(), refused.output());
            assertEquals(unknown, Files.readString(cli.workspace().resolve("nx.json")), "left alone");
        }
    }

    @Test
    void anUnreachableServerIsNamedAndABrokenIniIsLeftAlone() throws Exception {
        Cli cli = cli();
        Cli.Result unreachable = cli.run("login", "http://127.0.0.1:9", "--no-browser");
        assertEquals(2, unreachable.exitCode(), unreachable.output());
        assertTrue(unreachable.output().contains("Cannot reach the Gatehouse server at http://127.0.0.1:9"), unreachable.output());

        Files.createDirectories(cli.ini().getParent());
        Files.writeString(cli.ini(), "garbage without equals\n");
        Cli.Result broken = cli.run("configure", "--personal-access-token", "gatehouse_pat_" + "A".repeat(38), "--url", server());
        assertEquals(2, broken.exitCode(), broken.output());
        assertTrue(broken.output().contains("line 1"), broken.output());
        assertEquals("garbage without equals\n", Files.readString(cli.ini()));

        Files.writeString(cli.workspace().resolve("nx.json"), "{ broken");
        Cli.Result env = cli.run("env");
        assertEquals(2, env.exitCode(), env.output());
        assertTrue(env.output().contains("not valid JSON"), env.output());
        assertEquals("{ broken", Files.readString(cli.workspace().resolve("nx.json")));
    }

    @Test
    void item4_aHostileNxJsonMakesEnvRefuseAndRunsNothing() throws Exception {
        Cli cli = cli();
        Path pwned = cli.workspace().resolve("pwned");
        Files.writeString(cli.workspace().resolve("nx.json"), "{\"nxCloudId\":\"x'; touch " + pwned + "; '\", \"nxCloudUrl\": \""
                + server() + "\"}");
        Cli.Result env = cli.run("env");
        assertEquals(2, env.exitCode(), env.output());
        assertTrue(env.output().contains("not 24 letters and digits"), env.output());
        assertFalse(env.output().contains("export"), env.output());

        Files.writeString(cli.workspace().resolve("nx.json"), "{\"nxCloudId\":\"abcdefghijklmnopqrstuvwx\", \"nxCloudUrl\": \""
                + "http://127.0.0.1:1/x'; touch " + pwned + "; '\"}");
        Cli.Result badUrl = cli.run("env");
        assertEquals(2, badUrl.exitCode(), badUrl.output());
        assertTrue(badUrl.output().contains("is not a server address"), badUrl.output());
        assertFalse(Files.exists(pwned));
    }

    @Test
    void item8_aServerNamedOnlyByNxJsonIsNotLoggedInToWithoutAsking() throws Exception {
        Cli cli = cli();
        Files.writeString(cli.workspace().resolve("nx.json"), "{ \"nxCloudUrl\": \"" + server() + "\" }");
        int before = loginRequests();
        Cli.Result login = cli.run("login", "--no-browser");
        assertEquals(2, login.exitCode(), login.output());
        assertTrue(login.output().contains("nx.json names the server " + server() + ", which you have not logged in to"),
                login.output());
        assertTrue(login.output().contains("gatehouse login " + server()), login.output());
        assertEquals(before, loginRequests(), "nothing was asked of the server");
    }

    private static int loginRequests() throws Exception {
        try (Connection db = Database.connect();
             java.sql.ResultSet rows = db.createStatement().executeQuery("SELECT COUNT(*) FROM LOGIN_REQUEST")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
