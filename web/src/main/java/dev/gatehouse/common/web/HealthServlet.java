package dev.gatehouse.common.web;

import dev.gatehouse.cache.control.ArtifactFiles;
import dev.gatehouse.config.Settings;
import jakarta.annotation.Resource;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * {@code /health} in MicroProfile Health's JSON shape. The application's own, because at context
 * root {@code /} it shadows the endpoint Payara Micro would otherwise serve there. UP means the
 * database answers and the cache folder is writable with at least {@code GATEHOUSE_CACHE_MIN_FREE}
 * free, so that an operator hears of a filling disk before uploads start being refused.
 */
@WebServlet("/health")
public class HealthServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Resource(lookup = "java:app/jdbc/gatehouse")
    private transient DataSource database;

    private transient Path cacheFolder;
    private long minFree;

    @Override
    public void init() {
        Settings settings = Settings.fromEnvironment();
        cacheFolder = settings.cacheFolder();
        minFree = settings.cacheMinFree();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean databaseUp = databaseAnswers();
        long free = freeBytes();
        // Before the first upload has made the folder: whether it could be made.
        boolean writable = Files.isWritable(ArtifactFiles.nearestExisting(cacheFolder));
        boolean cacheUp = free >= minFree && writable;
        boolean up = databaseUp && cacheUp;
        response.setStatus(up ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("application/json");
        response.getWriter().write("{\"status\":\"" + status(up) + "\",\"checks\":["
                + "{\"name\":\"database\",\"status\":\"" + status(databaseUp) + "\"},"
                + "{\"name\":\"cache-folder\",\"status\":\"" + status(cacheUp) + "\",\"data\":{\"freeBytes\":" + free
                + ",\"minimumFreeBytes\":" + minFree + ",\"writable\":" + writable + "}}]}");
    }

    private static String status(boolean up) {
        return up ? "UP" : "DOWN";
    }

    /** -1 when the folder cannot be examined at all. */
    private long freeBytes() {
        try {
            return ArtifactFiles.usableSpace(cacheFolder);
        } catch (IOException e) {
            log("Health check: the cache folder " + cacheFolder + " cannot be examined: " + e);
            return -1;
        }
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
