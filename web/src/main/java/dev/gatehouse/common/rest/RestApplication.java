package dev.gatehouse.common.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The JSON API for the CLI and scripts. Low volume: the cache's data path is not served here. */
@ApplicationPath("api")
public class RestApplication extends Application {
}
