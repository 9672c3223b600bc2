package dev.gatehouse.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The test server's own database, reached while the server runs: its H2 file in auto-server mode,
 * or PostgreSQL with the postgres profile.
 */
final class Database {

    private Database() {
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(System.getProperty("gatehouse.itDbUrl"),
                System.getProperty("gatehouse.itDbUser"), System.getProperty("gatehouse.itDbPassword"));
    }

    static boolean isH2() {
        return System.getProperty("gatehouse.itDbUrl").startsWith("jdbc:h2:");
    }
}
