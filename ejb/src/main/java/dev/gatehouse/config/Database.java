package dev.gatehouse.config;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;

/**
 * Declares the application's data source. It lives on an EJB because both packagings process the
 * EJB module's annotations before the persistence unit starts: the EAR's ejb-jar and the jar in the
 * Micro WAR's {@code WEB-INF/lib}. The database itself is chosen at run time by
 * {@link ConfiguredDataSource}.
 */
@Singleton
@DataSourceDefinition(
        name = "java:app/jdbc/gatehouse",
        className = "dev.gatehouse.config.ConfiguredDataSource",
        minPoolSize = 1,
        maxPoolSize = 32)
public class Database {
}
