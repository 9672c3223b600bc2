package dev.gatehouse.cache.web;

import dev.gatehouse.cache.control.ArtifactStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready while the cache's store can keep uploads ({@link ArtifactStore#readiness()}). */
@Readiness
@ApplicationScoped
public class CacheStoreCheck implements HealthCheck {

    @Inject
    ArtifactStore store;

    @Override
    public HealthCheckResponse call() {
        ArtifactStore.Readiness readiness = store.readiness();
        HealthCheckResponseBuilder response = HealthCheckResponse.named(readiness.name()).status(readiness.up());
        for (Map.Entry<String, Object> fact : readiness.data().entrySet()) {
            if (fact.getValue() instanceof Long number) {
                response.withData(fact.getKey(), number);
            } else if (fact.getValue() instanceof Boolean truth) {
                response.withData(fact.getKey(), truth);
            } else {
                response.withData(fact.getKey(), String.valueOf(fact.getValue()));
            }
        }
        return response.build();
    }
}
