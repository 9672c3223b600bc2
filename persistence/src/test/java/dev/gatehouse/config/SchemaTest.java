package dev.gatehouse.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static dev.gatehouse.config.TestDatabases.createdByEclipseLink;
import static dev.gatehouse.config.TestDatabases.execute;
import static dev.gatehouse.config.TestDatabases.previousRelease;
import static dev.gatehouse.config.TestDatabases.rows;
import static dev.gatehouse.config.TestDatabases.single;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Versioned migrations on H2 files, as the embedded default runs them. "The release before
 * migrations" is a database with {@code V1}'s tables and no history; the migrations must end at the
 * schema that EclipseLink would create from today's entities.
 */
class SchemaTest {

    private static final String H2 = "h2";
    /** This build's schema version, and every version that leads there. */
    static final String LATEST = "6";
    static final List<String> ALL = List.of("1", "2", "3", "4", "5", LATEST);

    @TempDir
    Path data;

    @Test
    void aFreshDatabaseGetsV1() throws Exception {
        DataSource fresh = h2("fresh");
        String said = new Schema(fresh, data.resolve("backups"), cache(), H2).migrate();
        assertTrue(said.contains("from an empty database to version " + LATEST), said);
        assertEquals(ALL, history(fresh));
        assertFalse(Files.exists(data.resolve("backups")), "nothing to back up in an empty database");
    }

    @Test
    void theMigrationsEndAtTheSchemaTheEntitiesDescribe() throws Exception {
        DataSource fresh = h2("fresh");
        new Schema(fresh, data.resolve("backups"), cache(), H2).migrate();
        DataSource entities = h2("entities");
        createdByEclipseLink(entities);
        assertEquals(catalogue(entities), catalogue(fresh));
    }

    @Test
    void aDatabaseOfTheReleaseBeforeMigrationsIsBaselinedAndMigrated() throws Exception {
        DataSource previous = h2("previous");
        previousRelease(previous, "h2");
        account(previous, 7, "ada");

        String said = new Schema(previous, data.resolve("backups"), cache(), H2).migrate();

        assertTrue(said.contains("from the schema of a release before versioned migrations (kept as version 1) to version " + LATEST), said);
        assertEquals(ALL, history(previous));
        assertEquals("ada", single(previous, "SELECT USERNAME FROM ACCOUNT WHERE ID = 7"));
        DataSource fresh = h2("fresh");
        new Schema(fresh, data.resolve("backups"), cache(), H2).migrate();
        assertEquals(catalogue(fresh), catalogue(previous), "it ends like a fresh database");
    }

    /**
     * The cache before tiers: entries of a member, a former member, a workspace token and an anonymous
     * caller. The ones nobody trusts would have now move to the untrusted tier, files and all.
     */
    @Test
    void entriesWrittenBeforeTiersAreSortedByWhoWroteThem() throws Exception {
        DataSource previous = h2("tiers");
        previousRelease(previous, "h2");
        account(previous, 1, "ada");
        account(previous, 2, "gone");
        execute(previous, "INSERT INTO ORGANIZATION (ID, NAME, CREATEDAT) VALUES (10, 'org', CURRENT_TIMESTAMP)");
        execute(previous, "INSERT INTO MEMBERSHIP (ID, ROLE, SINCE, ACCOUNT_ID, ORGANIZATION_ID) VALUES (11, 'ADMIN', CURRENT_TIMESTAMP, 1, 10)");
        execute(previous, "INSERT INTO WORKSPACE (ID, NAME, NXCLOUDID, IDACCESSLEVEL, PATACCESSLEVEL, ORGANIZATION_ID, CREATEDAT)"
                + " VALUES (20, 'repo', 'Ws00000000000000000000ab', 'READ_WRITE', 'READ_WRITE', 10, CURRENT_TIMESTAMP)");
        String[][] legacy = {{"h-member", "ada"}, {"h-former", "gone"}, {"h-ci", "(workspace token) ci"}, {"h-anyone", "anonymous"}};
        Path workspace = cache().resolve("Ws00000000000000000000ab");
        Files.createDirectories(workspace);
        for (int i = 0; i < legacy.length; i++) {
            execute(previous, "INSERT INTO CACHE_ENTRY (ID, WORKSPACE_ID, HASH, SIZE_BYTES, SHA256, WRITTENBY, WRITTENAT) VALUES ("
                    + (30 + i) + ", 20, '" + legacy[i][0] + "', 1, 'sha', '" + legacy[i][1] + "', CURRENT_TIMESTAMP)");
            Files.writeString(workspace.resolve(legacy[i][0]), legacy[i][0]);
        }

        new Schema(previous, data.resolve("backups"), cache(), H2).migrate();

        assertEquals(List.of("h-anyone UNTRUSTED ANONYMOUS anonymous", "h-ci TRUSTED WORKSPACE_TOKEN ci",
                "h-former UNTRUSTED PERSON gone", "h-member TRUSTED PERSON ada"),
                rows(previous, "SELECT HASH || ' ' || TIER || ' ' || WRITERKIND || ' ' || WRITTENBY FROM CACHE_ENTRY ORDER BY HASH"));
        assertEquals("TRUE", single(previous, "SELECT MEMBERSUPLOADSTRUSTED FROM WORKSPACE"), "members' uploads are trusted by default");
        for (String trusted : List.of("h-member", "h-ci")) {
            assertEquals(trusted, Files.readString(workspace.resolve(trusted)));
        }
        for (String untrusted : List.of("h-former", "h-anyone")) {
            assertFalse(Files.exists(workspace.resolve(untrusted)), untrusted + " left the trusted tier");
            assertEquals(untrusted, Files.readString(workspace.resolve(".untrusted").resolve(untrusted)));
        }
    }

    @Test
    void aDatabaseNewerThanThisBuildIsRefusedUnchanged() throws Exception {
        DataSource newer = h2("newer");
        new Schema(newer, data.resolve("backups"), cache(), H2).migrate();
        execute(newer, "INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", \"type\","
                + " \"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\") VALUES (99, '99', 'from the"
                + " future', 'SQL', 'V99__from_the_future.sql', 0, 'SA', 1, TRUE)");
        List<String> before = catalogue(newer);

        Schema.SchemaRefused refused = assertThrows(Schema.SchemaRefused.class,
                () -> new Schema(newer, data.resolve("backups"), cache(), H2).migrate());

        assertTrue(refused.getMessage().contains("at version 99, written by a newer Gatehouse"), refused.getMessage());
        assertTrue(refused.getMessage().contains("knows versions up to " + LATEST), refused.getMessage());
        assertEquals(before, catalogue(newer));
        assertEquals(with(ALL, "99"), history(newer));
    }

    @Test
    void aMigrationOfADatabaseWithDataIsPrecededByACopyThatAFailureNames() throws Exception {
        DataSource kept = h2("kept");
        new Schema(kept, data.resolve("backups"), cache(), H2).migrate();
        account(kept, 8, "grace");

        Schema.SchemaRefused refused = assertThrows(Schema.SchemaRefused.class,
                () -> new Schema(kept, data.resolve("backups"), cache(), H2, "classpath:db/migration-test/failing").migrate());

        assertTrue(refused.getMessage().contains("unzip " + data.resolve("backups")), refused.getMessage());
        List<Path> copies;
        try (Stream<Path> files = Files.list(data.resolve("backups"))) {
            copies = files.toList();
        }
        assertEquals(1, copies.size(), copies.toString());
        assertTrue(copies.get(0).getFileName().toString().matches("gatehouse-schema-" + LATEST + "-\\d{8}-\\d{6}\\.zip"), copies.toString());
        assertTrue(Files.size(copies.get(0)) > 0);
    }

    @Test
    void aLaterMigrationMovesTheRowsThatAreThere() throws Exception {
        DataSource later = h2("later");
        new Schema(later, data.resolve("backups"), cache(), H2).migrate();
        account(later, 9, "linus");

        String said = new Schema(later, data.resolve("backups"), cache(), H2, "classpath:db/migration-test/later").migrate();

        assertTrue(said.contains("from version " + LATEST + " to version 10") && said.contains("the database before is in"), said);
        assertEquals("LINUS@EXAMPLE.ORG", single(later, "SELECT SHOUTED FROM ACCOUNT_SHOUTED WHERE ID = 9"));
    }

    private static void account(DataSource database, int id, String name) throws SQLException {
        execute(database, "INSERT INTO ACCOUNT (ID, USERNAME, EMAIL, PASSWORDHASH, CREATEDAT) VALUES (" + id + ", '" + name
                + "', '" + name + "@example.org', 'hash', CURRENT_TIMESTAMP)");
    }

    private static List<String> with(List<String> versions, String more) {
        List<String> all = new ArrayList<>(versions);
        all.add(more);
        return all;
    }

    private Path cache() {
        return data.resolve("cache");
    }

    private DataSource h2(String name) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + data.resolve(name));
        h2.setUser("sa");
        return h2;
    }

    private static List<String> history(DataSource database) throws SQLException {
        return rows(database, "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"");
    }

    /** Tables, columns with their types and nullability, and indexes: what a migration could get wrong. */
    private static List<String> catalogue(DataSource database) throws SQLException {
        List<String> lines = new ArrayList<>();
        lines.addAll(rows(database, "SELECT TABLE_NAME || '.' || COLUMN_NAME || ' ' || DATA_TYPE || ' '"
                + " || COALESCE(CHARACTER_MAXIMUM_LENGTH, 0) || ' ' || IS_NULLABLE FROM INFORMATION_SCHEMA.COLUMNS"
                + " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME <> 'flyway_schema_history' ORDER BY 1"));
        lines.addAll(rows(database, "SELECT i.TABLE_NAME || ' ' || i.INDEX_TYPE_NAME || ' ' || c.COLUMN_NAME"
                + " FROM INFORMATION_SCHEMA.INDEXES i JOIN INFORMATION_SCHEMA.INDEX_COLUMNS c ON c.INDEX_NAME = i.INDEX_NAME"
                + " AND c.TABLE_NAME = i.TABLE_NAME WHERE i.TABLE_SCHEMA = 'PUBLIC'"
                + " AND i.TABLE_NAME <> 'flyway_schema_history' ORDER BY 1"));
        lines.addAll(rows(database, "SELECT SEQ_NAME || ' ' || SEQ_COUNT FROM SEQUENCE ORDER BY 1"));
        return lines;
    }

}
