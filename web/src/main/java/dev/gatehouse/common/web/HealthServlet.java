package dev.gatehouse.common.web;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * The MicroProfile Health endpoints, in their JSON shape: {@code /health/live} (the process
 * answers), {@code /health/ready} (the database answers and the cache's store can keep uploads) and
 * {@code /health}, both. Served here because the application, at context root {@code /}, shadows
 * the endpoints Payara Micro would serve; the checks are MicroProfile Health checks all the same.
 */
@WebServlet({"/health", "/health/live", "/health/ready"})
public class HealthServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(HealthServlet.class.getName());

    @Inject
    @Liveness
    private transient Instance<HealthCheck> liveness;

    @Inject
    @Readiness
    private transient Instance<HealthCheck> readiness;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<HealthCheck> checks = new ArrayList<>();
        if (!request.getServletPath().equals("/health/ready")) {
            liveness.forEach(checks::add);
        }
        if (!request.getServletPath().equals("/health/live")) {
            readiness.forEach(checks::add);
        }
        boolean up = true;
        JsonArrayBuilder answers = Json.createArrayBuilder();
        for (HealthCheck check : checks) {
            HealthCheckResponse answer = call(check);
            up &= answer.getStatus() == HealthCheckResponse.Status.UP;
            JsonObjectBuilder json = Json.createObjectBuilder().add("name", answer.getName()).add("status", answer.getStatus().name());
            answer.getData().filter(data -> !data.isEmpty()).ifPresent(data -> json.add("data", Json.createObjectBuilder(data)));
            answers.add(json);
        }
        response.setStatus(up ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter().write(Json.createObjectBuilder().add("status", up ? "UP" : "DOWN").add("checks", answers).build().toString());
    }

    /** A check that fails is DOWN, as the specification says, not a 500. */
    private static HealthCheckResponse call(HealthCheck check) {
        try {
            return check.call();
        } catch (RuntimeException failed) {
            LOG.warning(() -> "Health check " + check.getClass().getSimpleName() + " failed: " + failed);
            return HealthCheckResponse.named(check.getClass().getSimpleName()).down().build();
        }
    }
}
