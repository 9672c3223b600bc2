package dev.gatehouse.config;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** Plain JDBC for the schema tests, and the database a release before migrations made. */
final class TestDatabases {

    private TestDatabases() {
    }

    /** What every release before migrations did on its first start. */
    static void createdByEclipseLink(DataSource database) {
        EntityManagerFactory factory = eclipseLink(database);
        try {
            EntityManager manager = factory.createEntityManager();
            manager.close();
        } finally {
            factory.close();
        }
    }

    /** The persistence unit outside a container, on this database, making or extending its tables. */
    static EntityManagerFactory eclipseLink(DataSource database) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
        settings.put("jakarta.persistence.jtaDataSource", "");
        settings.put("jakarta.persistence.nonJtaDataSource", database);
        settings.put("eclipselink.ddl-generation", "create-or-extend-tables");
        settings.put("eclipselink.ddl-generation.output-mode", "database");
        settings.put("eclipselink.logging.level", "WARNING");
        return Persistence.createEntityManagerFactory("gatehouse", settings);
    }

    /** The tables of the release before versioned migrations (V1's), with no schema history. */
    static void previousRelease(DataSource database, String vendor) throws Exception {
        String script;
        try (var in = TestDatabases.class.getResourceAsStream("/db/migration/" + vendor + "/V1__schema_before_versioned_migrations.sql")) {
            script = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        for (String statement : script.replaceAll("(?m)^--.*$", "").split(";\\s*\\n")) {
            if (!statement.isBlank()) {
                execute(database, statement);
            }
        }
    }

    static String single(DataSource database, String query) throws SQLException {
        return rows(database, query).get(0);
    }

    static List<String> rows(DataSource database, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(query)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }

    static void execute(DataSource database, String sql) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
