package dev.gatehouse.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The database's schema, brought to this version of Gatehouse by versioned migrations
 * ({@code db/migration/{common,<vendor>}/V<n>__<what>.sql}, Flyway) before anything else uses it.
 *
 * <ul>
 * <li>Each version is one SQL script in {@code common} when it runs as it is on every vendor, a
 * script per vendor in {@code h2} and {@code postgresql} when it cannot, or a Java migration
 * ({@code V3}, {@link UntrustedArtifactsMove}); the next one is {@code V7}.</li>
 * <li>{@code V1} is the schema that EclipseLink created before migrations existed. A database of
 * that time has tables but no history: it is baselined at version 1 and left as it is.</li>
 * <li>A database newer than this build (a downgrade) is refused, unchanged.</li>
 * <li>PostgreSQL runs each migration in a transaction, so a failed one leaves nothing behind; H2
 * cannot undo DDL, so its database file is backed up first, and a failure says where the copy is.</li>
 * <li>Nodes that start together on one PostgreSQL take turns (an advisory lock around the whole step): one
 * migrates, the others then find nothing to do. Flyway's own lock is not enough: it is taken after Flyway has
 * decided whether to create or baseline its history table, and a node that looked between another node's
 * creating that table and filling it tried to baseline and failed to start.</li>
 * </ul>
 */
public final class Schema {

    private static final Logger LOG = Logger.getLogger(Schema.class.getName());
    /** "GH" and a 1: the first key of the migration turn's advisory lock. */
    private static final int MIGRATION_LOCK = 0x47480001;

    private final DataSource database;
    private final Flyway flyway;
    private final Path backups;
    private final boolean postgres;

    /** The migrations of the configured database's vendor; an H2 database is backed up into the data folder. */
    public Schema(DataSource database, Settings settings) {
        this(database, isH2File(settings.databaseUrl()) ? settings.dataFolder().resolve("backups") : null,
                settings.cacheFolder(), settings.usesPostgres() ? "postgresql" : "h2");
    }

    /**
     * @param vendor the folder of the vendor's own scripts beside {@code common}
     * @param more further locations, for tests
     */
    Schema(DataSource database, Path backups, Path cacheFolder, String vendor, String... more) {
        this.database = database;
        this.backups = backups;
        this.postgres = vendor.equals("postgresql");
        this.flyway = Flyway.configure(Schema.class.getClassLoader())
                .dataSource(database)
                .locations(locations(vendor, more))
                // Migrations that touch more than the database, the same for every vendor.
                .javaMigrations(new UntrustedArtifactsMove(cacheFolder))
                .baselineOnMigrate(true)
                .baselineVersion("1")
                .baselineDescription("Gatehouse before versioned migrations")
                // All pending migrations in one transaction: on PostgreSQL a failure takes back every one of them.
                .group(true)
                .cleanDisabled(true)
                .load();
    }

    /**
     * Migrates to this build's version.
     *
     * @return what was done, as a sentence for the log
     * @throws SchemaRefused with the sentence a person needs, when the database is newer or a migration failed
     */
    public String migrate() {
        if (!postgres) {
            return migrateAlone();
        }
        try (Connection turn = database.getConnection()) {
            takeTurn(turn, "pg_advisory_lock");
            try {
                return migrateAlone();
            } finally {
                takeTurn(turn, "pg_advisory_unlock");
            }
        } catch (SQLException e) {
            throw new SchemaRefused("Gatehouse cannot start: the database did not answer: " + e.getMessage(), e);
        }
    }

    /** A session lock of this schema's own, in the two-key space that Flyway's single-key locks do not share. */
    private static void takeTurn(Connection connection, String function) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT " + function + "(" + MIGRATION_LOCK + ", hashtext(current_schema()))");
        }
    }

    private String migrateAlone() {
        MigrationInfoService info;
        try {
            info = flyway.info();
        } catch (FlywayException unreadable) {
            throw new SchemaRefused("Gatehouse cannot start: the database's schema history could not be read,"
                    + " so nothing was changed. The cause: " + unreadable.getMessage(), unreadable);
        }
        refuseNewer(info);
        boolean tables = hasTables();
        boolean beforeMigrations = tables && info.applied().length == 0;
        if (!beforeMigrations && info.pending().length == 0) {
            return "The database schema is at version " + version(info.current()) + "; nothing to migrate.";
        }
        Optional<Path> backup = tables ? backUp(beforeMigrations ? "unversioned" : version(info.current())) : Optional.empty();
        MigrateResult result;
        try {
            result = flyway.migrate();
        } catch (FlywayException failed) {
            throw new SchemaRefused("Gatehouse cannot start: migrating the database schema failed" + backup.map(copy ->
                    ", and H2 may have kept part of it. To go back, stop the server and unzip " + copy + " over the"
                    + " database file").orElse(" and was rolled back; nothing was changed") + ". The cause: "
                    + failed.getMessage(), failed);
        }
        String from = beforeMigrations ? "the schema of a release before versioned migrations (kept as version 1)"
                : result.initialSchemaVersion == null ? "an empty database" : "version " + result.initialSchemaVersion;
        return "The database schema went from " + from + " to version " + version(flyway.info().current()) + " ("
                + result.migrationsExecuted + " migration(s) run)" + backup.map(copy -> "; the database before is in " + copy)
                .orElse("") + ".";
    }

    private static String[] locations(String vendor, String... more) {
        List<String> locations = new ArrayList<>(List.of("classpath:db/migration/common", "classpath:db/migration/" + vendor));
        locations.addAll(List.of(more));
        return locations.toArray(String[]::new);
    }

    private void refuseNewer(MigrationInfoService info) {
        Optional<MigrationInfo> newer = Arrays.stream(info.applied())
                .filter(applied -> applied.getState() == MigrationState.FUTURE_SUCCESS
                        || applied.getState() == MigrationState.FUTURE_FAILED)
                .reduce((first, last) -> last);
        if (newer.isPresent()) {
            String known = Arrays.stream(info.all()).filter(migration -> migration.getState().isResolved())
                    .reduce((first, last) -> last).map(Schema::version).orElse("none");
            throw new SchemaRefused("Gatehouse cannot start: the database schema is at version " + version(newer.get())
                    + ", written by a newer Gatehouse, and this one knows versions up to " + known + ". Start the newer"
                    + " version again, or restore the backup taken before the upgrade. Nothing was changed.", null);
        }
    }

    /** H2 cannot roll DDL back: a database with tables is copied first (H2's online BACKUP). */
    private Optional<Path> backUp(String version) {
        if (backups == null) {
            return Optional.empty();
        }
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path copy = backups.resolve("gatehouse-schema-" + version + "-" + stamp + ".zip");
        try (Connection connection = database.getConnection(); Statement backup = connection.createStatement()) {
            Files.createDirectories(backups);
            backup.execute("BACKUP TO '" + copy.toString().replace("'", "''") + "'");
        } catch (SQLException | IOException e) {
            throw new SchemaRefused("Gatehouse cannot start: the database could not be copied to " + copy
                    + " before its schema is migrated, so nothing was changed. The cause: " + e.getMessage(), e);
        }
        LOG.info(() -> "Copied the database to " + copy + " before migrating its schema.");
        return Optional.of(copy);
    }

    private static boolean isH2File(String url) {
        return url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:");
    }

    private boolean hasTables() {
        try (Connection connection = database.getConnection();
             ResultSet tables = connection.getMetaData().getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
            return tables.next();
        } catch (SQLException e) {
            throw new SchemaRefused("Gatehouse cannot start: the database did not answer: " + e.getMessage(), e);
        }
    }

    private static String version(MigrationInfo migration) {
        return migration == null || migration.getVersion() == null ? "none" : migration.getVersion().getVersion();
    }

    /** Start-up must stop: the message is the one sentence a person reads. */
    public static final class SchemaRefused extends RuntimeException {

        private static final long serialVersionUID = 1L;

        SchemaRefused(String sentence, Throwable cause) {
            super(sentence, cause);
        }
    }
}
