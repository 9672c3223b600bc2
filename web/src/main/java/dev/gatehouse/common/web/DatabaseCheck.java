package dev.gatehouse.common.web;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the database answers: nothing works without it. */
@Readiness
@ApplicationScoped
public class DatabaseCheck implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(DatabaseCheck.class.getName());

    @Resource(lookup = "java:app/jdbc/gatehouse")
    DataSource database;

    @Override
    public HealthCheckResponse call() {
        boolean answers;
        try (Connection connection = database.getConnection()) {
            answers = connection.isValid(2);
        } catch (SQLException e) {
            LOG.warning(() -> "Health check: the database does not answer: " + e);
            answers = false;
        }
        return HealthCheckResponse.named("database").status(answers).build();
    }
}
