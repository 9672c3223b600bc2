package dev.gatehouse.common.web;

import dev.gatehouse.cache.control.ArtifactStore;
import dev.gatehouse.cache.control.ArtifactStore.Readiness;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * {@code /health} in MicroProfile Health's JSON shape. The application's own, because at context
 * root {@code /} it shadows the endpoint Payara Micro would otherwise serve there. UP means the
 * database answers and the cache's store can keep uploads ({@link ArtifactStore#readiness()}).
 */
@WebServlet("/health")
public class HealthServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Resource(lookup = "java:app/jdbc/gatehouse")
    private transient DataSource database;

    @Inject
    private transient ArtifactStore store;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean databaseUp = databaseAnswers();
        Readiness cache = store.readiness();
        boolean up = databaseUp && cache.up();
        response.setStatus(up ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("application/json");
        response.getWriter().write("{\"status\":\"" + status(up) + "\",\"checks\":["
                + "{\"name\":\"database\",\"status\":\"" + status(databaseUp) + "\"},"
                + "{\"name\":\"" + cache.name() + "\",\"status\":\"" + status(cache.up()) + "\",\"data\":" + cache.data() + "}]}");
    }

    private static String status(boolean up) {
        return up ? "UP" : "DOWN";
    }

    private boolean databaseAnswers() {
        try (Connection connection = database.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            log("Health check: the database does not answer", e);
            return false;
        }
    }
}
