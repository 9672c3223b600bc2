package dev.gatehouse.config;

import dev.gatehouse.cache.control.FlatLayoutMove;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Declares the application's data source and brings its schema up to date ({@link Schema}) while
 * the application starts, before it serves a request, and the cache folder's layout too. It lives on an EJB because both packagings
 * process the EJB module's annotations before the persistence unit starts: the EAR's ejb-jar and the
 * jar in the Micro WAR's {@code WEB-INF/lib}. The database itself is chosen at run time by
 * {@link ConfiguredDataSource}. A refused migration fails the deployment with one sentence, which
 * the launcher prints.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@DataSourceDefinition(
        name = "java:app/jdbc/gatehouse",
        className = "dev.gatehouse.config.ConfiguredDataSource",
        minPoolSize = 1,
        maxPoolSize = 32)
public class Database {

    private static final Logger LOG = Logger.getLogger(Database.class.getName());

    @Resource(lookup = "java:app/jdbc/gatehouse")
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        Settings settings = Settings.fromEnvironment();
        try {
            // Read once here so that a mistyped setting stops start-up with a sentence, not the first request.
            settings.cacheMaxBytes();
            settings.cacheMinFree();
            settings.cacheWorkspaceLimit();
            settings.cacheTotalLimit();
            settings.cacheMaxIdleDays();
            settings.cacheEvictionSeconds();
            settings.metricsAccess();
            if (settings.cacheInS3()) {
                settings.s3Bucket();
            }
        } catch (IllegalStateException mistyped) {
            String sentence = "Gatehouse cannot start: " + mistyped.getMessage() + ".";
            LOG.severe(sentence);
            throw new IllegalStateException(sentence, mistyped);
        }
        try {
            LOG.info(new Schema(dataSource, settings).migrate());
        } catch (Schema.SchemaRefused refused) {
            LOG.log(Level.SEVERE, refused.getMessage(), refused.getCause());
            throw refused;
        }
        FlatLayoutMove.run();
    }
}
