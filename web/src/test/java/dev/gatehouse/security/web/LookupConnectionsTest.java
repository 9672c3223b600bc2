package dev.gatehouse.security.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LookupConnectionsTest {

    private static final String REVOKED = "SELECT REVOKED FROM TOKEN WHERE ID = ?";

    private final JdbcDataSource database = new JdbcDataSource();
    private Connection writer;
    private LookupConnections connections;

    @BeforeEach
    void open() throws SQLException {
        database.setURL("jdbc:h2:mem:lookup" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        writer = database.getConnection();
        try (Statement ddl = writer.createStatement()) {
            ddl.execute("CREATE TABLE TOKEN (ID INT PRIMARY KEY, REVOKED BOOLEAN)");
            ddl.execute("INSERT INTO TOKEN VALUES (1, FALSE)");
        }
        connections = new LookupConnections(database);
    }

    @AfterEach
    void close() throws SQLException {
        connections.close();
        try (Statement drop = writer.createStatement()) {
            drop.execute("SHUTDOWN");
        }
    }

    @Test
    void aKeptConnectionSeesWhatWasCommittedAfterItWasOpened() throws SQLException {
        assertEquals(false, revoked());
        try (Statement revoke = writer.createStatement()) {
            revoke.execute("UPDATE TOKEN SET REVOKED = TRUE WHERE ID = 1");
        }
        assertEquals(true, revoked());
    }

    @Test
    void oneConnectionAndItsStatementServeOneReadAfterAnother() throws SQLException {
        Connection first = connections.read(held -> held.statement(REVOKED).getConnection());
        Connection second = connections.read(held -> held.statement(REVOKED).getConnection());
        assertSame(first, second);
    }

    @Test
    void aConnectionWhoseReadFailedIsClosedAndNeverUsedAgain() throws SQLException {
        Connection[] failed = new Connection[1];
        assertThrows(SQLException.class, () -> connections.read(held -> {
            failed[0] = held.statement(REVOKED).getConnection();
            return held.statement("SELECT NOTHING FROM NOWHERE");
        }));
        assertTrue(failed[0].isClosed());
        assertNotSame(failed[0], connections.read(held -> held.statement(REVOKED).getConnection()));
    }

    @Test
    void closingClosesTheKeptConnections() throws SQLException {
        Connection kept = connections.read(held -> held.statement(REVOKED).getConnection());
        connections.close();
        assertTrue(kept.isClosed());
    }

    private Boolean revoked() throws SQLException {
        return connections.read(held -> {
            var query = held.statement(REVOKED);
            query.setInt(1, 1);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        });
    }
}
