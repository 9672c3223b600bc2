package dev.gatehouse.it;

import static dev.gatehouse.it.Browser.PASSWORD;
import static dev.gatehouse.it.Browser.fill;
import static dev.gatehouse.it.Browser.press;
import static dev.gatehouse.it.Browser.text;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.htmlunit.Page;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/**
 * Accounts end to end on the real Payara Micro with the built WAR: sign-up, log-in, log-out, the
 * role checks in the web and EJB layers, and every refusal the pages promise.
 */
class AccountIT extends DeployedGatehouse {





    @Test
    void aNewcomerSignsUpLogsOutAndLogsInAgain() throws Exception {
        String name = Browser.someone();
        try (Browser browser = new Browser(base)) {
            HtmlPage home = browser.signUp(name);
            assertEquals(base.resolve("/").toString(), home.getUrl().toString());
            assertTrue(text(home).contains("Welcome, " + name), text(home));
            assertTrue(text(home).contains(name + "@example.org"));

            HtmlPage loggedOut = press(home, "Log out");
            assertTrue(loggedOut.getUrl().getPath().endsWith("/login"), loggedOut.getUrl().toString());
            assertTrue(text(loggedOut).contains("You have logged out."));
            assertEquals(401, browser.client().getPage(base.resolve("api/me").toURL()).getWebResponse().getStatusCode(),
                    "the session is gone after log-out");

            HtmlPage again = browser.logIn(name.toUpperCase() + "@EXAMPLE.ORG", PASSWORD);
            assertTrue(text(again).contains("Welcome, " + name), "log-in by email, in any case: " + text(again));
        }
    }

    @Test
    void aProtectedPageSendsToLogInAndBackAfterwards() throws Exception {
        String name = Browser.someone();
        try (Browser signer = new Browser(base)) {
            signer.signUp(name);
        }
        try (Browser browser = new Browser(base)) {
            HtmlPage login = browser.open("index?from=bookmark");
            assertTrue(login.getUrl().getPath().endsWith("/login"), login.getUrl().toString());
            fill(login, "Username or email", name);
            fill(login, "Password", PASSWORD);
            HtmlPage back = press(login, "Log in");
            assertEquals("/index", back.getUrl().getPath());
            assertEquals("from=bookmark", back.getUrl().getQuery());
            assertTrue(text(back).contains("Welcome, " + name));
        }
    }

    @Test
    void badSignUpsSayWhatIsWrongAndCreateNothing() throws Exception {
        String taken = Browser.someone();
        try (Browser browser = new Browser(base)) {
            browser.signUp(taken);
        }
        String fresh = Browser.someone();
        try (Browser browser = new Browser(base)) {
            assertAll(
                    () -> assertTrue(text(browser.signUp(taken, fresh + "@example.org", PASSWORD, PASSWORD))
                            .contains("That username is taken.")),
                    () -> assertTrue(text(browser.signUp(fresh, taken + "@example.org", PASSWORD, PASSWORD))
                            .contains("An account with that email address exists already.")),
                    () -> assertTrue(text(browser.signUp(fresh, fresh + "@example.org", "short", "short"))
                            .contains("A password has at least 12 characters")),
                    () -> assertTrue(text(browser.signUp(fresh, fresh + "@example.org", PASSWORD, PASSWORD + "x"))
                            .contains("The two passwords differ.")),
                    () -> {
                        String page = text(browser.signUp("", "", "", ""));
                        assertTrue(page.contains("Enter a username.") && page.contains("Enter an email address.")
                                && page.contains("Enter a password.") && page.contains("Enter the password a second time."), page);
                    });
            HtmlPage refused = browser.logIn(fresh, PASSWORD);
            assertTrue(text(refused).contains("Wrong username, email or password."), "no account was created");
        }
    }

    @Test
    void aWrongPasswordAndAnUnknownUserLookTheSame() throws Exception {
        String name = Browser.someone();
        try (Browser browser = new Browser(base)) {
            browser.signUp(name);
        }
        try (Browser browser = new Browser(base)) {
            HtmlPage wrongPassword = browser.logIn(name, PASSWORD + "?");
            HtmlPage unknownUser = browser.logIn(Browser.someone(), PASSWORD);
            String expected = "Wrong username, email or password.";
            assertTrue(text(wrongPassword).contains(expected), text(wrongPassword));
            assertTrue(text(unknownUser).contains(expected), text(unknownUser));
            assertEquals(wrongPassword.getUrl(), unknownUser.getUrl());
        }
    }

    @Test
    void repeatedFailuresForOneAccountAreSlowedDown() throws Exception {
        String name = Browser.someone();
        try (Browser browser = new Browser(base)) {
            browser.signUp(name);
        }
        String turnedAway = "gatehouse_throttled_total{mp_scope=\"application\",throttle=\"log-in\"}";
        double before = Api.metrics(base, null).getOrDefault(turnedAway, 0.0);
        try (Browser browser = new Browser(base)) {
            for (int attempt = 0; attempt < 5; attempt++) {
                browser.logIn(name, "wrong password " + attempt);
            }
            HtmlPage throttled = browser.logIn(name + "@example.org", PASSWORD);
            assertTrue(text(throttled).contains("Too many failed log-ins for this account"), text(throttled));
            assertFalse(text(throttled).contains("Welcome"), "even the right password waits");
        }
        double counted = Api.metrics(base, null).getOrDefault(turnedAway, 0.0) - before;
        assertTrue(counted >= 1 && counted <= 6, "the throttled attempts are in the metrics: " + counted);
    }

    @Test
    void anAnonymousApiCallerIsToldToSignInFirst() throws Exception {
        HttpResponse<String> anonymous = Api.send(HttpRequest.newBuilder(base.resolve("api/me")));
        assertEquals(401, anonymous.statusCode());
        assertEquals("Bearer", anonymous.headers().firstValue("WWW-Authenticate").orElse(""));
        assertTrue(anonymous.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        assertTrue(anonymous.body().contains("Sign in first"));

        String name = Browser.someone();
        try (Browser browser = new Browser(base)) {
            browser.signUp(name);
            Page me = browser.client().getPage(base.resolve("api/me").toURL());
            assertEquals(200, me.getWebResponse().getStatusCode());
            assertEquals("{\"email\":\"" + name + "@example.org\",\"username\":\"" + name + "\"}",
                    me.getWebResponse().getContentAsString());
        }
    }

    @Test
    void aForgedPostWithoutTheFormsViewStateCreatesNoAccount() throws Exception {
        String name = Browser.someone();
        String form = "signup=signup&username=" + name + "&email=" + name + "%40example.org&password=" + PASSWORD.replace(' ', '+')
                + "&passwordRepeat=" + PASSWORD.replace(' ', '+') + "&createAccount=Create+account"
                + "&jakarta.faces.ViewState=forged";
        HttpResponse<String> forged = Api.send(HttpRequest.newBuilder(base.resolve("signup"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        assertTrue(forged.statusCode() >= 400 && forged.statusCode() < 500, "status " + forged.statusCode());
        try (Browser browser = new Browser(base)) {
            assertTrue(text(browser.logIn(name, PASSWORD)).contains("Wrong username, email or password."));
        }
    }

    @Test
    void healthSaysTheDatabaseIsUp() throws Exception {
        HttpResponse<String> health = Api.send(HttpRequest.newBuilder(base.resolve("health")));
        assertEquals(200, health.statusCode());
        assertTrue(health.body().contains("\"status\":\"UP\""), health.body());
    }
}
