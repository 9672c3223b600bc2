package dev.gatehouse.it;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlLabel;
import org.htmlunit.html.HtmlPage;

/**
 * A headless browser that finds form fields by their visible labels and buttons by their words,
 * as a person or a screen reader would.
 */
public final class Browser implements AutoCloseable {

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

    public static String text(HtmlPage page) {
        return page.asNormalizedText();
    }

    @Override
    public void close() {
        client.close();
    }
}
