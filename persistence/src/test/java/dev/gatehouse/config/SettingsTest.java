package dev.gatehouse.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

    private static Settings of(Map<String, String> values) {
        return new Settings(values::get);
    }

    @Test
    void defaultsToAnEmbeddedH2FileUnderAnAbsoluteDataFolder() {
        Settings settings = of(Map.of());
        Path expected = Path.of("data").toAbsolutePath().normalize();
        assertEquals(expected, settings.dataFolder());
        assertTrue(settings.usesEmbeddedDatabase());
        assertEquals("jdbc:h2:file:" + expected.resolve("gatehouse"), settings.databaseUrl());
        assertEquals("sa", settings.databaseUser());
        assertEquals("", settings.databasePassword());
    }

    @Test
    void dataFolderMovesTheEmbeddedDatabase() {
        Settings settings = of(Map.of(Settings.DATA, "/srv/gatehouse/"));
        assertEquals("jdbc:h2:file:/srv/gatehouse/gatehouse", settings.databaseUrl());
    }

    @Test
    void anExplicitDatabaseReplacesH2AndKeepsThePasswordVerbatim() {
        Settings settings = of(Map.of(
                Settings.DB_URL, " jdbc:postgresql://127.0.0.1/gatehouse ",
                Settings.DB_USER, "gate",
                Settings.DB_PASSWORD, " secret "));
        assertFalse(settings.usesEmbeddedDatabase());
        assertEquals("jdbc:postgresql://127.0.0.1/gatehouse", settings.databaseUrl());
        assertEquals("gate", settings.databaseUser());
        assertEquals(" secret ", settings.databasePassword());
        assertTrue(settings.usesPostgres());
    }

    @Test
    void anyH2DatabaseDefaultsToItsConventionalUser() {
        assertEquals("sa", of(Map.of(Settings.DB_URL, "jdbc:h2:file:/tmp/x;AUTO_SERVER=TRUE")).databaseUser());
        assertFalse(of(Map.of(Settings.DB_URL, "jdbc:h2:file:/tmp/x")).usesPostgres());
        assertFalse(of(Map.of()).usesPostgres());
        assertEquals("", of(Map.of(Settings.DB_URL, "jdbc:postgresql://127.0.0.1/g")).databaseUser());
    }

    @Test
    void blankValuesCountAsUnset() {
        Settings settings = of(Map.of(Settings.DB_URL, "  ", Settings.DATA, ""));
        assertTrue(settings.usesEmbeddedDatabase());
        assertEquals(Path.of("data").toAbsolutePath().normalize(), settings.dataFolder());
    }

    @Test
    void sizesTakeBytesOrAUnitAndABadOneNamesItsKey() {
        assertEquals(2L << 30, new Settings(key -> null).cacheMaxBytes());
        assertEquals(1L << 30, new Settings(key -> null).cacheMinFree());
        assertEquals(8_388_608, new Settings(key -> "8388608").cacheMaxBytes());
        assertEquals(512L << 20, new Settings(key -> "512MiB").cacheMaxBytes());
        assertEquals(3L << 40, new Settings(key -> "3 TiB").cacheMinFree());
        for (String bad : new String[] {"0", "-5", "2GB", "1.5GiB", "lots", "99999999999999999999", "9999999999 TiB"}) {
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> new Settings(key -> bad).cacheMaxBytes(), bad);
            assertTrue(refused.getMessage().startsWith("GATEHOUSE_CACHE_MAX_BYTES must be a positive size")
                    && refused.getMessage().endsWith("not '" + bad + "'"), refused.getMessage());
        }
    }

    @Test
    void theCacheLifecycleHasDefaultsAndRefusesNonsense() {
        Settings defaults = new Settings(key -> null);
        assertEquals(50L << 30, defaults.cacheWorkspaceLimit());
        assertTrue(defaults.cacheTotalLimit().isEmpty(), "the default depends on the disk");
        assertEquals(30, defaults.cacheMaxIdleDays());
        assertEquals(60, defaults.cacheEvictionSeconds());
        Settings set = new Settings(Map.of("GATEHOUSE_CACHE_TOTAL_LIMIT", "1TiB", "GATEHOUSE_CACHE_MAX_IDLE_DAYS", "7")::get);
        assertEquals(1L << 40, set.cacheTotalLimit().orElseThrow());
        assertEquals(7, set.cacheMaxIdleDays());
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new Settings(key -> "soon").cacheEvictionSeconds());
        assertEquals("GATEHOUSE_CACHE_EVICTION_SECONDS must be a positive whole number of seconds, not 'soon'", refused.getMessage());
    }

    @Test
    void metricsArePublicUnlessSaidOtherwiseAndAnUnknownValueIsNamed() {
        assertEquals(Settings.MetricsAccess.PUBLIC, of(Map.of()).metricsAccess());
        assertEquals(Settings.MetricsAccess.TOKEN, of(Map.of(Settings.METRICS, "token")).metricsAccess());
        assertEquals(Settings.MetricsAccess.OFF, of(Map.of(Settings.METRICS, " off ")).metricsAccess());
        IllegalStateException wrong = assertThrows(IllegalStateException.class, () -> of(Map.of(Settings.METRICS, "yes")).metricsAccess());
        assertEquals("GATEHOUSE_METRICS must be off, public or token, not 'yes'", wrong.getMessage());
    }

    @Test
    void theCacheIsAFolderUnlessS3IsNamedWithItsBucketAndRegion() {
        assertFalse(of(Map.of()).cacheInS3());
        assertTrue(of(Map.of(Settings.CACHE_STORE, "s3")).cacheInS3());
        assertThrows(IllegalStateException.class, () -> of(Map.of(Settings.CACHE_STORE, "nfs")).cacheInS3());
        IllegalStateException noRegion = assertThrows(IllegalStateException.class,
                () -> of(Map.of(Settings.CACHE_STORE, "s3", Settings.S3_BUCKET, "b")).s3Bucket());
        assertTrue(noRegion.getMessage().startsWith("GATEHOUSE_CACHE_STORE=s3 needs GATEHOUSE_S3_REGION"), noRegion.getMessage());
        assertThrows(IllegalStateException.class, () -> of(Map.of(Settings.S3_BUCKET, "b", Settings.S3_REGION, "r",
                Settings.S3_ENDPOINT, "ftp://example.org")).s3Bucket(), "an endpoint is http or https");
        Settings.S3Bucket bucket = of(Map.of(Settings.S3_BUCKET, "b", Settings.S3_REGION, "us-east-1",
                Settings.S3_ENDPOINT, "http://127.0.0.1:9000")).s3Bucket();
        assertEquals("http://127.0.0.1:9000", bucket.endpoint().orElseThrow().toString());
        assertEquals("b", bucket.bucket());
    }
}
