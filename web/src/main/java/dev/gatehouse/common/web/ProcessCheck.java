package dev.gatehouse.common.web;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive whenever it answers. Nothing else belongs here: a database or a disk that is down is not
 * cured by restarting the server, which is what an orchestrator does when liveness fails.
 */
@Liveness
@ApplicationScoped
public class ProcessCheck implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.up("process");
    }
}
