package dev.gatehouse.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Optional;
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
    public static final String CACHE_MIN_FREE = "GATEHOUSE_CACHE_MIN_FREE";
    public static final String CACHE_WORKSPACE_LIMIT = "GATEHOUSE_CACHE_WORKSPACE_LIMIT";
    public static final String CACHE_TOTAL_LIMIT = "GATEHOUSE_CACHE_TOTAL_LIMIT";
    public static final String CACHE_MAX_IDLE_DAYS = "GATEHOUSE_CACHE_MAX_IDLE_DAYS";
    public static final String CACHE_EVICTION_SECONDS = "GATEHOUSE_CACHE_EVICTION_SECONDS";
    public static final String CACHE_STORE = "GATEHOUSE_CACHE_STORE";
    public static final String METRICS = "GATEHOUSE_METRICS";
    public static final String S3_ENDPOINT = "GATEHOUSE_S3_ENDPOINT";
    public static final String S3_BUCKET = "GATEHOUSE_S3_BUCKET";
    public static final String S3_REGION = "GATEHOUSE_S3_REGION";
    static final long DEFAULT_CACHE_WORKSPACE_LIMIT = 50L << 30;
    static final long DEFAULT_CACHE_MAX_BYTES = 2L * 1024 * 1024 * 1024;
    static final long DEFAULT_CACHE_MIN_FREE = 1024L * 1024 * 1024;

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

    /** The largest artifact accepted, in bytes. */
    public long cacheMaxBytes() {
        return size(CACHE_MAX_BYTES, DEFAULT_CACHE_MAX_BYTES);
    }

    /** Below this much free space in the cache folder's file system, {@code /health} says DOWN. */
    public long cacheMinFree() {
        return size(CACHE_MIN_FREE, DEFAULT_CACHE_MIN_FREE);
    }

    /** How much one workspace's cache may hold unless its admins set another limit. */
    public long cacheWorkspaceLimit() {
        return size(CACHE_WORKSPACE_LIMIT, DEFAULT_CACHE_WORKSPACE_LIMIT);
    }

    /** How much the whole cache may hold; empty for the default, which depends on the disk. */
    public Optional<Long> cacheTotalLimit() {
        return get(CACHE_TOTAL_LIMIT, null) == null ? Optional.empty() : Optional.of(size(CACHE_TOTAL_LIMIT, 0));
    }

    /** Entries not read for this many days are removed. */
    public int cacheMaxIdleDays() {
        return positive(CACHE_MAX_IDLE_DAYS, 30, "days");
    }

    /** How often the eviction runs; tests shorten it. */
    public int cacheEvictionSeconds() {
        return positive(CACHE_EVICTION_SECONDS, 60, "seconds");
    }

    /** Who may read {@code /metrics}: nobody, anybody, or a caller with a personal access token. */
    public enum MetricsAccess { OFF, PUBLIC, TOKEN }

    public MetricsAccess metricsAccess() {
        String access = get(METRICS, "public");
        return switch (access) {
            case "off" -> MetricsAccess.OFF;
            case "public" -> MetricsAccess.PUBLIC;
            case "token" -> MetricsAccess.TOKEN;
            default -> throw new IllegalStateException(METRICS + " must be off, public or token, not '" + access + "'");
        };
    }

    /** Whether artifacts go to an S3 bucket instead of the cache folder. */
    public boolean cacheInS3() {
        String store = get(CACHE_STORE, "folder");
        return switch (store) {
            case "folder" -> false;
            case "s3" -> true;
            default -> throw new IllegalStateException(CACHE_STORE + " must be folder or s3, not '" + store + "'");
        };
    }

    /** The S3 bucket of {@code GATEHOUSE_CACHE_STORE=s3}; no endpoint means AWS's own for the region. */
    public record S3Bucket(Optional<URI> endpoint, String bucket, String region) {
    }

    public S3Bucket s3Bucket() {
        String endpoint = get(S3_ENDPOINT, null);
        URI uri = null;
        if (endpoint != null) {
            try {
                uri = new URI(endpoint);
            } catch (URISyntaxException e) {
                uri = null;
            }
            if (uri == null || uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new IllegalStateException(S3_ENDPOINT + " must be an http or https address such as"
                        + " https://s3.example.com:9000, not '" + endpoint + "'");
            }
        }
        return new S3Bucket(Optional.ofNullable(uri), required(S3_BUCKET, "the bucket that holds the artifacts"),
                required(S3_REGION, "the bucket's region, such as eu-west-1 (us-east-1 for most S3-compatible servers)"));
    }

    private String required(String key, String what) {
        String value = get(key, null);
        if (value == null) {
            throw new IllegalStateException(CACHE_STORE + "=s3 needs " + key + ": " + what);
        }
        return value;
    }

    private int positive(String key, int fallback, String unit) {
        String configured = get(key, null);
        if (configured == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(configured);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // the message below says what is wrong
        }
        throw new IllegalStateException(key + " must be a positive whole number of " + unit + ", not '" + configured + "'");
    }

    long size(String key, long fallback) {
        String configured = get(key, null);
        if (configured == null) {
            return fallback;
        }
        return Sizes.parse(configured).orElseThrow(() -> new IllegalStateException(key + " must be " + Sizes.FORMAT
                + ", not '" + configured + "'"));
    }

    public boolean usesEmbeddedDatabase() {
        return get(DB_URL, null) == null;
    }

    public String databaseUrl() {
        return get(DB_URL, "jdbc:h2:file:" + dataFolder().resolve("gatehouse"));
    }

    /** PostgreSQL's URL; otherwise H2, the only other database the data source opens. */
    public boolean usesPostgres() {
        return databaseUrl().startsWith("jdbc:postgresql:");
    }

    /** H2's conventional user unless told otherwise, so that an H2 URL alone is enough. */
    public String databaseUser() {
        return get(DB_USER, usesPostgres() ? "" : "sa");
    }

    /** Not stripped: a password may legitimately begin or end with a space. */
    public String databasePassword() {
        String value = source.apply(DB_PASSWORD);
        return value == null ? "" : value;
    }
}
