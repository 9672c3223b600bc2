package dev.gatehouse.config;

import static dev.gatehouse.config.TestDatabases.createdByEclipseLink;
import static dev.gatehouse.config.TestDatabases.execute;
import static dev.gatehouse.config.TestDatabases.previousRelease;
import static dev.gatehouse.config.TestDatabases.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Versioned migrations on PostgreSQL, each test in a schema of its own. Runs with
 * {@code mvn verify -Ppostgres}, which names the database as .ci/run creates it.
 */
@EnabledIfSystemProperty(named = SchemaPostgresTest.URL, matches = "jdbc:postgresql:.*")
class SchemaPostgresTest {

    static final String URL = "gatehouse.test.postgres.url";
    private static final String POSTGRES = "postgresql";

    @TempDir
    Path cache;

    private final String schema = "schema_test_" + System.nanoTime();
    private final DataSource admin = postgres(null);

    @AfterEach
    void dropSchema() throws SQLException {
        execute(admin, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    @Test
    void aPreviousReleaseIsBaselinedAndMigratedToTheSchemaTheEntitiesDescribe() throws Exception {
        DataSource previous = inSchema(schema);
        previousRelease(previous, "postgresql");
        String said = new Schema(previous, null, cache, POSTGRES).migrate();
        assertTrue(said.contains("a release before versioned migrations (kept as version 1) to version " + SchemaTest.LATEST), said);
        assertEquals(SchemaTest.ALL, rows(previous, "SELECT version FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank"));

        String entities = schema + "_entities";
        try {
            createdByEclipseLink(inSchema(entities));
            assertEquals(catalogue(inSchema(entities), entities), catalogue(previous, schema));
        } finally {
            execute(admin, "DROP SCHEMA IF EXISTS " + entities + " CASCADE");
        }
    }

    /** Several rounds, each on an empty schema: the race that once failed a node's start is a matter of milliseconds. */
    @Test
    void nodesStartingAtOnceMigrateOnce() throws Exception {
        for (int round = 0; round < 20; round++) {
            String fresh = schema + "_" + round;
            try {
                startAtOnce(fresh, 4);
            } finally {
                execute(admin, "DROP SCHEMA IF EXISTS " + fresh + " CASCADE");
            }
        }
    }

    private void startAtOnce(String fresh, int count) throws Exception {
        DataSource database = inSchema(fresh);
        CountDownLatch together = new CountDownLatch(1);
        ExecutorService nodes = Executors.newFixedThreadPool(count);
        try {
            List<Future<String>> said = new ArrayList<>();
            for (int node = 0; node < count; node++) {
                said.add(nodes.submit(() -> {
                    together.await();
                    return new Schema(inSchema(fresh), null, cache, POSTGRES).migrate();
                }));
            }
            together.countDown();
            int ran = 0;
            for (Future<String> one : said) {
                ran += one.get().contains("(" + SchemaTest.ALL.size() + " migration(s) run)") ? 1 : 0;
            }
            assertEquals(1, ran, "exactly one node ran the migrations");
        } finally {
            nodes.shutdownNow();
        }
        assertEquals(SchemaTest.ALL, rows(database, "SELECT version FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank"));
    }

    @Test
    void aFailedMigrationIsRolledBackWhole() throws Exception {
        DataSource database = inSchema(schema);
        new Schema(database, null, cache, POSTGRES).migrate();
        List<String> before = catalogue(database, schema);

        Schema.SchemaRefused refused = assertThrows(Schema.SchemaRefused.class,
                () -> new Schema(database, null, cache, POSTGRES, "classpath:db/migration-test/failing").migrate());

        assertTrue(refused.getMessage().contains("was rolled back; nothing was changed"), refused.getMessage());
        assertEquals(before, catalogue(database, schema), "no half_done table");
        assertEquals(SchemaTest.ALL, rows(database, "SELECT version FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank"));
    }

    private static List<String> catalogue(DataSource database, String schema) throws SQLException {
        List<String> lines = new ArrayList<>(rows(database, "SELECT table_name || '.' || column_name || ' ' || data_type"
                + " || ' ' || COALESCE(character_maximum_length, 0) || ' ' || is_nullable FROM information_schema.columns"
                + " WHERE table_schema = '" + schema + "' AND table_name <> 'flyway_schema_history' ORDER BY 1"));
        lines.addAll(rows(database, "SELECT tablename || ' ' || regexp_replace(indexdef, '^.* USING ', '') FROM pg_indexes"
                + " WHERE schemaname = '" + schema + "' AND tablename <> 'flyway_schema_history' ORDER BY 1"));
        lines.addAll(rows(database, "SELECT seq_name || ' ' || seq_count FROM sequence ORDER BY 1"));
        return lines;
    }

    private DataSource inSchema(String name) throws SQLException {
        execute(admin, "CREATE SCHEMA IF NOT EXISTS " + name);
        return postgres(name);
    }

    private static DataSource postgres(String schema) {
        PGSimpleDataSource postgres = new PGSimpleDataSource();
        postgres.setURL(System.getProperty(URL));
        postgres.setUser(System.getProperty("gatehouse.test.postgres.user"));
        postgres.setPassword(System.getProperty("gatehouse.test.postgres.password"));
        if (schema != null) {
            postgres.setCurrentSchema(schema);
        }
        return postgres;
    }
}
