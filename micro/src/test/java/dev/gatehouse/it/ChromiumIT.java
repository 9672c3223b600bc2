package dev.gatehouse.it;

import static dev.gatehouse.it.Browser.someone;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The flows a person walks, in a real headless Chromium: it requests {@code /favicon.ico} by itself,
 * which is what once sent every real browser to a 404 after log-in, and it runs the pages' scripts
 * under their Content-Security-Policy. Every step checks the address a person lands on and that the
 * browser's console stayed free of errors.
 */
class ChromiumIT extends DeployedGatehouse {

    @Test
    void aNewcomerSignsUpLogsOutAndLogsInAgainOnThePageAskedFor() throws Exception {
        String name = someone();
        try (Chromium browser = new Chromium(base)) {
            browser.open("/");
            browser.assertAt("/login?next=%2Findex", "Log in");
            browser.follow("Create an account");
            browser.assertAt("/signup?next=%2Findex", "Sign up");
            browser.signUp(name);
            browser.assertAt("/index", "Welcome, " + name);
            browser.press("Log out");
            browser.assertAt("/login?loggedOut=true", "You have logged out.");
        }
        try (Chromium fresh = new Chromium(base)) {
            fresh.open("/profile?tab=tokens");
            fresh.assertAt("/login?next=%2Fprofile%3Ftab%3Dtokens", "Log in");
            fresh.logIn(name);
            fresh.assertAt("/profile?tab=tokens", "Personal access tokens");
        }
    }

    @Test
    void anAddressThatLeadsNowhereShowsTheProductsOwnPageSignedInOrNot() throws Exception {
        try (Chromium browser = new Chromium(base)) {
            browser.open("/resources/css/none-such.css");
            assertTrue(browser.text().contains("Not found") && browser.text().contains("There is no page"), browser.text());
            assertEquals("640px", browser.style("main", "max-width"), "the product's stylesheet applied");
            browser.open("/signup").signUp(someone());
            browser.open("/none-such-page");
            assertTrue(browser.text().contains("There is no page at this address"), browser.text());
            assertEquals("640px", browser.style("main", "max-width"));
            // The one console line is the browser's own note of the page's 404.
            assertTrue(browser.consoleErrors().stream().allMatch(line -> line.contains("404")), browser.consoleErrors().toString());
            browser.follow("Home");
            assertTrue(browser.address().startsWith("/"), browser.address());
            assertTrue(browser.text().contains("Welcome"), browser.text());
        }
    }

    @Test
    void anAdminSetsUpAWorkspaceAndMakesCopiesAndRevokesAToken() throws Exception {
        String name = someone();
        try (Chromium browser = new Chromium(base)) {
            browser.open("/signup").signUp(name);
            browser.assertAt("/", "Welcome, " + name);

            browser.follow("Organizations").fill("Organization name", "Chromium " + name).press("Create organization");
            assertTrue(browser.address().startsWith("/organization?id="), browser.address());
            browser.fill("Workspace name", "web").press("Create workspace");
            browser.assertAt(browser.address(), "web");
            browser.follow("web");
            assertTrue(browser.address().startsWith("/workspace?id="), browser.address());
            browser.choose("idAccessLevel", "NONE").choose("patAccessLevel", "READ_ONLY").press("Save access levels");
            browser.assertAt(browser.address(), "Access levels");
            assertTrue(browser.text().contains("saved"), browser.text());

            browser.follow("Profile").follow("Personal access tokens").follow("New access token");
            browser.fill("Token name", "laptop").select("tokenExpiry", "30 days").press("Generate Token");
            browser.assertAt("/profile?tab=tokens&new=1", "Copy it now");
            String shown = browser.text("newToken");
            assertTrue(shown.matches("gatehouse_pat_[0-9A-Za-z]{38}"), shown);
            browser.press("Copy");
            browser.awaitText("copied", "Copied.");
            assertEquals(shown, browser.clipboard());
            assertEquals(200, Api.get(base.resolve("api/me"), shown).statusCode());

            browser.open("/profile?tab=tokens").press("Revoke laptop");
            browser.assertAt("/profile?tab=tokens", "Revoke laptop?");
            browser.press("Yes, revoke laptop");
            browser.assertAt("/profile?tab=tokens", "Revoked");
            assertEquals(401, Api.get(base.resolve("api/me"), shown).statusCode());
        }
    }

    @Test
    void aNewcomerFollowsTheCliApprovalLinkAndSignsUpOnTheWay() throws Exception {
        Cli cli = new Cli(Files.createTempDirectory(Path.of("target").toAbsolutePath(), "cli-"));
        String name = someone();
        Cli.Running login = cli.start("login", base.toString().replaceAll("/$", ""), "--no-browser");
        String address = login.approvalAddress();
        String code = address.substring(address.indexOf("code=") + 5);
        try (Chromium browser = new Chromium(base)) {
            browser.open(address);
            browser.assertAt("/login?next=%2Fapprove%3Fcode%3D" + code, "Log in");
            browser.follow("Create an account").signUp(name);
            browser.assertAt("/approve?code=" + code, "Do you want to let this terminal use Gatehouse as " + name + "?");
            assertEquals(code, browser.text("userCode"));
            browser.press("Approve");
            browser.assertAt(browser.address(), "Approved.");
        }
        Cli.Result done = login.finish();
        assertEquals(0, done.exitCode(), done.output());
        Matcher saved = Pattern.compile("personalAccessToken=(gatehouse_pat_\\w+)").matcher(Files.readString(cli.ini()));
        assertTrue(saved.find());
        assertTrue(Api.get(base.resolve("api/me"), saved.group(1)).body().contains("\"username\":\"" + name + "\""));
    }

    @Test
    void anAdminStopsTrustingMembersAndPurgesAPlantedEntry() throws Exception {
        String name = someone();
        try (Chromium browser = new Chromium(base)) {
            browser.open("/signup").signUp(name);
            browser.follow("Organizations").fill("Organization name", "Tiers " + name).press("Create organization");
            browser.fill("Workspace name", "oss").press("Create workspace").follow("oss");
            assertTrue(browser.text("tiersExplained").contains("trusted tier"), browser.text("tiersExplained"));
            browser.tick("membersUploadsTrusted", false).press("Save access levels");
            assertTrue(browser.text().contains("members' uploads untrusted."), browser.text());

            String nxCloudId = browser.text("nxCloudId");
            String hash = "planted" + System.nanoTime();
            java.net.URI planted = base.resolve("nx/" + nxCloudId + "/v1/cache/" + hash);
            assertEquals(200, Api.send(java.net.http.HttpRequest.newBuilder(planted)
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofByteArray(new byte[] {6, 6, 6}))).statusCode());

            browser.fill("Hash", hash).press("Look up");
            String found = browser.text("foundEntries");
            assertTrue(found.contains("Untrusted") && found.contains("anonymous") && found.contains("127.0.0.1"), found);
            browser.press("Purge this entry");
            assertTrue(browser.text().contains("Purged 1 entry with hash " + hash + " in the untrusted tier."), browser.text());
            assertEquals(404, Api.send(java.net.http.HttpRequest.newBuilder(planted)).statusCode());
            assertEquals(List.of(), browser.consoleErrors());
        }
    }

    /** The usage plots in a real browser: drawn, with the numbers in their table; the screenshot is for a person. */
    @Test
    void theWorkspacePageShowsTheCachesUsage() throws Exception {
        String name = someone();
        try (Chromium browser = new Chromium(base)) {
            browser.open("/signup").signUp(name);
            String steps = browser.text("firstSteps");
            assertTrue(steps.contains("Your first remote-cache hit") && steps.contains("npx nx login http://127.0.0.1:"), steps);
            browser.follow("Create an organization");
            assertTrue(browser.address().startsWith("/organizations"), browser.address());
            browser.fill("Organization name", "Usage " + name).press("Create organization");
            browser.fill("Workspace name", "busy").press("Create workspace").follow("busy");
            assertTrue(browser.text("usageSummary").contains("No reads in the last 30 days."), browser.text("usageSummary"));
            String nxCloudId = browser.text("nxCloudId");
            java.net.URI artifact = base.resolve("nx/" + nxCloudId + "/v1/cache/seen");
            assertEquals(200, Api.send(java.net.http.HttpRequest.newBuilder(artifact)
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofByteArray(new byte[2048]))).statusCode());
            for (int i = 0; i < 3; i++) {
                assertEquals(200, Api.send(java.net.http.HttpRequest.newBuilder(artifact)).statusCode());
            }
            assertEquals(404, Api.send(java.net.http.HttpRequest.newBuilder(base.resolve("nx/" + nxCloudId + "/v1/cache/unseen"))).statusCode());

            String address = browser.address();
            for (int tries = 0; tries < 40 && !browser.text("usageSummary").contains("75 % of 4 reads"); tries++) {
                Thread.sleep(500);
                browser.open(address);
            }
            assertTrue(browser.text("usageSummary").contains("Last 30 days: 75 % of 4 reads were hits."), browser.text("usageSummary"));
            String table = browser.text("usageTable");
            assertTrue(table.contains(java.time.LocalDate.now(java.time.ZoneOffset.UTC) + " 3 1 75 % 1 0 0 0 0 6.0 KiB 2.0 KiB"), table);
            assertTrue(browser.text("largestEntries").contains("seen Untrusted 2.0 KiB"), browser.text("largestEntries"));
            assertEquals(3, browser.count("figure.plot svg[aria-describedby='usageTable']"));
            assertTrue(browser.count("#requestsPlot rect") >= 3, "hits, misses and stored drawn");
            browser.screenshot("workspace-usage");
            browser.open("/");
            String home = browser.text("myWorkspaces");
            assertTrue(home.contains("Usage " + name + " busy Read-write Read-write 75 % 2.0 KiB"), home);
            assertEquals(List.of(), browser.consoleErrors());
        }
    }
}
