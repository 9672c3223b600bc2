package dev.gatehouse.config;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * The keys an operator sets, each read from a system property or else from the environment
 * variable of the same name. Payara Micro and Payara Server both pass either through, so one build
 * runs everywhere without a server-specific descriptor.
 */
public final class Settings {

    public static final String DATA = "GATEHOUSE_DATA";
    public static final String DB_URL = "GATEHOUSE_DB_URL";
    public static final String DB_USER = "GATEHOUSE_DB_USER";
    public static final String DB_PASSWORD = "GATEHOUSE_DB_PASSWORD";
    public static final String CACHE_DIR = "GATEHOUSE_CACHE_DIR";
    public static final String CACHE_MAX_BYTES = "GATEHOUSE_CACHE_MAX_BYTES";
    static final long DEFAULT_CACHE_MAX_BYTES = 2L * 1024 * 1024 * 1024;

    private final UnaryOperator<String> source;

    Settings(UnaryOperator<String> source) {
        this.source = source;
    }

    public static Settings fromEnvironment() {
        return new Settings(key -> {
            String property = System.getProperty(key);
            return property != null ? property : System.getenv(key);
        });
    }

    public String get(String key, String fallback) {
        String value = source.apply(key);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    /** Absolute, because a relative path means different things on Micro and on Payara Server. */
    public Path dataFolder() {
        return Path.of(get(DATA, "data")).toAbsolutePath().normalize();
    }

    /** Where cache artifacts are kept; inside the data folder unless set. */
    public Path cacheFolder() {
        String configured = get(CACHE_DIR, null);
        return configured == null ? dataFolder().resolve("cache") : Path.of(configured).toAbsolutePath().normalize();
    }

    /** The largest artifact accepted, in bytes. A value that is not a positive number is refused at start. */
    public long cacheMaxBytes() {
        String configured = get(CACHE_MAX_BYTES, null);
        if (configured == null) {
            return DEFAULT_CACHE_MAX_BYTES;
        }
        try {
            long bytes = Long.parseLong(configured);
            if (bytes > 0) {
                return bytes;
            }
        } catch (NumberFormatException e) {
            // the message below says what is wrong
        }
        throw new IllegalStateException(CACHE_MAX_BYTES + " must be a positive number of bytes, not '" + configured + "'");
    }

    public boolean usesEmbeddedDatabase() {
        return get(DB_URL, null) == null;
    }

    public String databaseUrl() {
        return get(DB_URL, "jdbc:h2:file:" + dataFolder().resolve("gatehouse"));
    }

    /** H2's conventional user unless told otherwise, so that an H2 URL alone is enough. */
    public String databaseUser() {
        return get(DB_USER, databaseUrl().startsWith("jdbc:h2:") ? "sa" : "");
    }

    /** Not stripped: a password may legitimately begin or end with a space. */
    public String databasePassword() {
        String value = source.apply(DB_PASSWORD);
        return value == null ? "" : value;
    }
}
