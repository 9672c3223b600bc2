package dev.gatehouse.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfiguredDataSourceTest {

    @Test
    void opensTheEmbeddedH2FileInTheDataFolder(@TempDir Path data) throws Exception {
        DataSource dataSource = new ConfiguredDataSource(new Settings(Map.of(Settings.DATA, data.toString())::get));
        try (Connection connection = dataSource.getConnection();
             ResultSet result = connection.createStatement().executeQuery("SELECT 41 + 1")) {
            assertTrue(result.next());
            assertEquals(42, result.getInt(1));
        }
        assertTrue(data.resolve("gatehouse.mv.db").toFile().exists(), "H2 file created in the data folder");
    }

    @Test
    void refusesAnUnsupportedDatabaseWithoutEchoingTheUrl() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> ConfiguredDataSource.open("jdbc:mysql://h/db?password=hunter2", "u", "p"));
        assertTrue(refused.getMessage().contains(Settings.DB_URL));
        assertFalse(refused.getMessage().contains("hunter2"));
    }
}
