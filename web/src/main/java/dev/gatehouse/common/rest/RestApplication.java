package dev.gatehouse.common.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/** The JSON API for the CLI and scripts. Low volume: the cache's data path is not served here. */
@ApplicationPath("api")
public class RestApplication extends Application {

    @Override
    public Map<String, Object> getProperties() {
        // Without this feature Jersey ignores @RolesAllowed on resources.
        return Map.of("jersey.config.server.provider.classnames",
                "org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature");
    }
}
