package dev.gatehouse.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static dev.gatehouse.config.TestDatabases.createdByEclipseLink;
import static dev.gatehouse.config.TestDatabases.execute;
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
 * Versioned migrations on H2 files, as the embedded default runs them. "The previous release" is a
 * database whose tables EclipseLink created from today's entities, as every release before
 * migrations did; {@code V1} must be exactly that schema.
 */
class SchemaTest {

    private static final String H2 = "classpath:db/migration/h2";

    @TempDir
    Path data;

    @Test
    void aFreshDatabaseGetsV1() throws Exception {
        DataSource fresh = h2("fresh");
        String said = new Schema(fresh, data.resolve("backups"), H2).migrate();
        assertTrue(said.contains("from an empty database to version 1"), said);
        assertEquals(List.of("1"), history(fresh));
        assertFalse(Files.exists(data.resolve("backups")), "nothing to back up in an empty database");
    }

    @Test
    void aDatabaseOfThePreviousReleaseIsBaselinedUnchangedAndEndsLikeAFreshOne() throws Exception {
        DataSource previous = h2("previous");
        createdByEclipseLink(previous);
        account(previous, 7, "ada");
        List<String> before = catalogue(previous);

        String said = new Schema(previous, data.resolve("backups"), H2).migrate();

        assertTrue(said.contains("to version 1"), said);
        assertEquals(List.of("1"), history(previous));
        assertEquals(before, catalogue(previous), "the baseline changes no table");
        assertEquals("ada", single(previous, "SELECT USERNAME FROM ACCOUNT WHERE ID = 7"));
        DataSource fresh = h2("fresh");
        new Schema(fresh, data.resolve("backups"), H2).migrate();
        assertEquals(catalogue(fresh), catalogue(previous), "V1 is the schema EclipseLink creates");
    }

    @Test
    void aDatabaseNewerThanThisBuildIsRefusedUnchanged() throws Exception {
        DataSource newer = h2("newer");
        new Schema(newer, data.resolve("backups"), H2).migrate();
        execute(newer, "INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", \"type\","
                + " \"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\") VALUES (99, '99', 'from the"
                + " future', 'SQL', 'V99__from_the_future.sql', 0, 'SA', 1, TRUE)");
        List<String> before = catalogue(newer);

        Schema.SchemaRefused refused = assertThrows(Schema.SchemaRefused.class,
                () -> new Schema(newer, data.resolve("backups"), H2).migrate());

        assertTrue(refused.getMessage().contains("at version 99, written by a newer Gatehouse"), refused.getMessage());
        assertTrue(refused.getMessage().contains("knows versions up to 1"), refused.getMessage());
        assertEquals(before, catalogue(newer));
        assertEquals(List.of("1", "99"), history(newer));
    }

    @Test
    void aMigrationOfADatabaseWithDataIsPrecededByACopyThatAFailureNames() throws Exception {
        DataSource kept = h2("kept");
        new Schema(kept, data.resolve("backups"), H2).migrate();
        account(kept, 8, "grace");

        Schema.SchemaRefused refused = assertThrows(Schema.SchemaRefused.class,
                () -> new Schema(kept, data.resolve("backups"), H2, "classpath:db/migration-test/failing").migrate());

        assertTrue(refused.getMessage().contains("unzip " + data.resolve("backups")), refused.getMessage());
        List<Path> copies;
        try (Stream<Path> files = Files.list(data.resolve("backups"))) {
            copies = files.toList();
        }
        assertEquals(1, copies.size(), copies.toString());
        assertTrue(copies.get(0).getFileName().toString().matches("gatehouse-schema-1-\\d{8}-\\d{6}\\.zip"), copies.toString());
        assertTrue(Files.size(copies.get(0)) > 0);
    }

    @Test
    void aLaterMigrationMovesTheRowsThatAreThere() throws Exception {
        DataSource later = h2("later");
        new Schema(later, data.resolve("backups"), H2).migrate();
        account(later, 9, "linus");

        String said = new Schema(later, data.resolve("backups"), H2, "classpath:db/migration-test/later").migrate();

        assertTrue(said.contains("from version 1 to version 2") && said.contains("the database before is in"), said);
        assertEquals("LINUS@EXAMPLE.ORG", single(later, "SELECT SHOUTED FROM ACCOUNT_SHOUTED WHERE ID = 9"));
    }

    private static void account(DataSource database, int id, String name) throws SQLException {
        execute(database, "INSERT INTO ACCOUNT (ID, USERNAME, EMAIL, PASSWORDHASH, CREATEDAT) VALUES (" + id + ", '" + name
                + "', '" + name + "@example.org', 'hash', CURRENT_TIMESTAMP)");
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
