package dev.gatehouse.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** The test server's own H2 file, reached through H2's auto-server mode while the server runs. */
final class Database {

    private Database() {
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + System.getProperty("gatehouse.itData")
                + "/gatehouse;AUTO_SERVER=TRUE", "sa", "");
    }
}
