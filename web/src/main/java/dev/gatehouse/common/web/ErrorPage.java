package dev.gatehouse.common.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The product's own page for the container's errors (web.xml's error pages), instead of Payara's:
 * plain HTML without JSF, so that an error never opens a session. The cache and the API write
 * their own plain-text answers and never come here. Opened directly, it is a 404 like any address
 * that leads nowhere.
 */
@WebServlet("/error")
public class ErrorPage extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private record Text(String title, String sentence) {
    }

    private static final Map<Integer, Text> TEXTS = Map.of(
            400, new Text("Not understood", "The server could not read this request. If you were filling in a form, it"
                    + " may have expired or come from another site: go back, reload the page and try again."),
            403, new Text("Not allowed", "Your account may not open this. If you think it should, ask an admin of the"
                    + " organization."),
            404, new Text("Not found", "There is no page at this address. Check it, or start again from the home page."),
            500, new Text("Something went wrong", "The server failed to answer this request. Nothing you did caused it;"
                    + " the cause is in the server's log. Try again in a moment."));

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 404;
        Text text = TEXTS.getOrDefault(status, TEXTS.get(status >= 500 ? 500 : 400));
        String home = request.getContextPath() + "/";
        String page = """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                    <meta charset="UTF-8"/>
                    <meta name="viewport" content="width=device-width, initial-scale=1"/>
                    <title>%1$s · Gatehouse</title>
                    <link rel="icon" href="%3$sfavicon.ico"/>
                    <link rel="stylesheet" href="%3$sresources/css/gatehouse.css"/>
                </head>
                <body>
                    <header class="top"><a class="brand" href="%3$s">Gatehouse</a></header>
                    <main>
                        <h1>%1$s</h1>
                        <p>%2$s</p>
                        <p><a href="%3$s">Home</a></p>
                    </main>
                </body>
                </html>
                """.formatted(text.title(), text.sentence(), home);
        PlainAnswer.send(response, status, "text/html;charset=UTF-8", page.getBytes(StandardCharsets.UTF_8));
    }
}
