package dev.gatehouse.it;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.util.concurrent.atomic.AtomicInteger;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlLabel;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlRadioButtonInput;
import org.htmlunit.html.HtmlSelect;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A headless browser that finds form fields by their visible labels and buttons by their words,
 * as a person or a screen reader would.
 */
public final class Browser implements AutoCloseable {

    private static final String RUN = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);
    private static final AtomicInteger PEOPLE = new AtomicInteger();

    private static final Pattern TOKEN = Pattern.compile("gatehouse_pat_[0-9A-Za-z]{38}");

    private final WebClient client = new WebClient();
    private final URI base;

    public Browser(URI base) {
        this.base = base;
        client.getOptions().setCssEnabled(false);
        client.getOptions().setJavaScriptEnabled(false);
        client.getOptions().setThrowExceptionOnFailingStatusCode(false);
    }

    /** Arquillian reports the host Micro names itself by; every test talks to 127.0.0.1 only. */
    public static URI local(URL reported) {
        return URI.create("http://127.0.0.1:" + reported.getPort() + "/");
    }

    public HtmlPage open(String path) throws IOException {
        return client.getPage(base.resolve(path).toURL());
    }

    public WebClient client() {
        return client;
    }

    /** A username nobody has used, in this run or an earlier one against the same data folder. */
    public static String someone() {
        return "u" + RUN + "-" + PEOPLE.incrementAndGet();
    }

    public static final String PASSWORD = "correct horse battery";

    public HtmlPage signUp(String username, String email, String password, String repeat) throws IOException {
        HtmlPage page = open("signup");
        fill(page, "Username", username);
        fill(page, "Email", email);
        fill(page, "Password", password);
        fill(page, "Repeat password", repeat);
        return press(page, "Create account");
    }

    /** Signs up {@code username} with an email address and password derived from it, and stays logged in. */
    public HtmlPage signUp(String username) throws IOException {
        return signUp(username, username + "@example.org", PASSWORD, PASSWORD);
    }

    public HtmlPage logIn(String login, String password) throws IOException {
        HtmlPage page = open("login");
        fill(page, "Username or email", login);
        fill(page, "Password", password);
        return press(page, "Log in");
    }

    public static HtmlPage fill(HtmlPage page, String label, String value) {
        HtmlLabel found = page.getByXPath("//label").stream()
                .map(HtmlLabel.class::cast)
                .filter(l -> l.getTextContent().strip().equals(label))
                .findFirst().orElse(null);
        assertNotNull(found, "no field labelled '" + label + "' on " + page.getUrl());
        HtmlElement field = found.getLabeledElement();
        assertNotNull(field, "label '" + label + "' points at no field");
        ((HtmlInput) field).setValue(value);
        return page;
    }

    public static HtmlPage press(HtmlPage page, String button) throws IOException {
        HtmlInput found = page.getByXPath("//input[@type='submit']").stream()
                .map(HtmlInput.class::cast)
                .filter(b -> b.getValueAttribute().equals(button))
                .findFirst().orElse(null);
        assertNotNull(found, "no button '" + button + "' on " + page.getUrl());
        return found.click();
    }

    public HtmlPage createOrganization(String name) throws IOException {
        HtmlPage page = open("organizations");
        fill(page, "Organization name", name);
        return press(page, "Create organization");
    }

    public static HtmlPage addMember(HtmlPage organization, String login) throws IOException {
        fill(organization, "Username or email", login);
        return press(organization, "Add member");
    }

    public static HtmlPage createWorkspace(HtmlPage organization, String name) throws IOException {
        fill(organization, "Workspace name", name);
        return press(organization, "Create workspace");
    }

    public static HtmlPage choose(HtmlPage page, String group, String value) {
        HtmlRadioButtonInput radio = page.getByXPath("//input[@type='radio' and @name='" + group + "' and @value='" + value + "']")
                .stream().map(HtmlRadioButtonInput.class::cast).findFirst().orElseThrow();
        radio.setChecked(true);
        return page;
    }

    public HtmlPage newToken(String name, String expiry) throws IOException {
        HtmlPage profile = open("profile");
        HtmlPage tab = profile.getAnchorByText("Personal access tokens").click();
        HtmlPage form = tab.getAnchorByText("New access token").click();
        fill(form, "Token name", name);
        HtmlSelect expires = (HtmlSelect) form.getElementById("tokenExpiry");
        expires.setSelectedAttribute(expires.getOptionByText(expiry), true);
        return press(form, "Generate Token");
    }

    public static String shownToken(HtmlPage page) {
        Matcher token = TOKEN.matcher(page.getElementById("newToken").getTextContent());
        assertTrue(token.matches(), "a token is shown: " + page.getElementById("newToken").getTextContent());
        return token.group();
    }

    /** On a workspace page, as its admin: makes a workspace access token and returns the secret shown once. */
    public static String newWorkspaceToken(HtmlPage workspace, String name, String level) throws IOException {
        fill(workspace, "Token name", name);
        HtmlSelect levels = (HtmlSelect) workspace.getElementById("workspaceTokenLevel");
        levels.setSelectedAttribute(levels.getOptionByText(level), true);
        HtmlPage created = press(workspace, "Create workspace access token");
        Matcher token = Pattern.compile("gatehouse_wat_[0-9A-Za-z]{38}").matcher(created.getElementById("newWorkspaceToken").getTextContent());
        assertTrue(token.matches(), "a workspace token is shown");
        return token.group();
    }

    public static String text(HtmlPage page) {
        return page.asNormalizedText();
    }

    @Override
    public void close() {
        client.close();
    }
}
