package dev.gatehouse.startup;

import dev.gatehouse.cache.control.FlatLayoutMove;
import dev.gatehouse.config.ConfiguredDataSource;
import dev.gatehouse.config.Schema;
import dev.gatehouse.config.Settings;
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
        maxPoolSize = 32,
        // Without these the pool kept handing out the connections of a database that had gone away and
        // come back, and the server stayed broken until restarted. Now a connection is checked before use
        // (at most every 5 s), and one found broken empties the pool, so the next request opens new ones.
        properties = {
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=custom-validation",
            "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
            "fish.payara.validate-atmost-once-period-in-seconds=5",
            "fish.payara.fail-all-connections=true"})
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
