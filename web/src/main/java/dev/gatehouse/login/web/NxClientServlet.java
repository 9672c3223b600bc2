package dev.gatehouse.login.web;

import dev.gatehouse.common.web.PlainAnswer;
import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * What nx asks of the server named in nx.json before it runs {@code nx login}, {@code npx nx-cloud}
 * or any task: {@code GET /nx-cloud/client/verify} and the client it is told to download. Both are
 * anonymous and never 404 (nx fails every build on a 404 there). Any other Nx Cloud call gets a
 * sentence saying Gatehouse does not offer it.
 */
@WebServlet(urlPatterns = "/nx-cloud/*")
public class NxClientServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private transient NxClientBundle bundle;

    @Override
    public void init() {
        bundle = NxClientBundle.fromClassPath(NxClientServlet.class.getClassLoader());
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        if ("GET".equals(request.getMethod()) && "/client/verify".equals(path)) {
            boolean current = bundle.version().equals(request.getParameter("version"))
                    && bundle.contentHash().equals(request.getParameter("contentHash"));
            var answer = current ? Json.createObjectBuilder().add("valid", true)
                    : Json.createObjectBuilder().add("valid", false).add("version", bundle.version())
                            .add("url", "/nx-cloud/client/" + bundle.fileName());
            PlainAnswer.send(response, HttpServletResponse.SC_OK, "application/json", answer.build().toString().getBytes(StandardCharsets.UTF_8));
        } else if ("GET".equals(request.getMethod()) && ("/client/" + bundle.fileName()).equals(path)) {
            response.setHeader("Cache-Control", "public, max-age=31536000, immutable");
            PlainAnswer.send(response, HttpServletResponse.SC_OK, "application/gzip", bundle.archive());
        } else {
            PlainAnswer.sentence(response, HttpServletResponse.SC_NOT_FOUND, "Gatehouse does not offer Nx Cloud's "
                    + request.getMethod() + " /nx-cloud" + path + ". It serves nx's remote cache, `nx login` and `nx logout`.");
        }
    }
}
