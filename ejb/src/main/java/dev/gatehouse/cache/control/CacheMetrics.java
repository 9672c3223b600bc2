package dev.gatehouse.cache.control;

import dev.gatehouse.cache.control.UsageCounts.Outcome;
import dev.gatehouse.config.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * The cache's numbers in MicroProfile Metrics, which Payara serves at {@code /metrics} in Prometheus
 * format: requests by outcome, refusals by method and status, bytes served and stored, what the
 * cache holds and what the eviction took. Labelled by nothing finer than an outcome: a label per
 * workspace or person would grow without bound. Each request costs an increment of a counter
 * made at the start.
 */
@ApplicationScoped
public class CacheMetrics {

    /**
     * The registered instance, for the authentication module's refusals: it runs outside CDI on purpose
     * (a CDI call on every cache request costs more than the rest of its work), and so does
     * {@code CacheRefusals}, which it calls.
     */
    private static volatile CacheMetrics registered;

    /** How a cache request's credential fared in the authentication module. */
    public enum Authentication { ANONYMOUS, VALID, UNKNOWN, REVOKED, EXPIRED, MALFORMED, LOOKUP_FAILED }

    @Inject
    MetricRegistry registry;

    private final Map<Authentication, Counter> authentications = new EnumMap<>(Authentication.class);
    /** By method and status: a few dozen at most, as statuses are the cache's own. */
    private final Map<String, Counter> refusals = new ConcurrentHashMap<>();
    private final Map<String, Timer> durations = new java.util.HashMap<>();

    private final Map<Outcome, Counter> requests = new EnumMap<>(Outcome.class);
    private Counter servedBytes;
    private Counter storedBytes;
    private Counter evictedEntries;
    private final AtomicLong heldBytes = new AtomicLong();
    private final AtomicLong heldEntries = new AtomicLong();

    /** With {@code GATEHOUSE_METRICS=off} nothing is registered, and nothing counted: what {@code bench/metrics/run} compares. */
    @PostConstruct
    void register() {
        if (Settings.fromEnvironment().metricsAccess() == Settings.MetricsAccess.OFF) {
            return;
        }
        for (Outcome outcome : new Outcome[] {Outcome.HIT, Outcome.MISS, Outcome.STORED}) {
            requests.put(outcome, registry.counter(Metadata.builder().withName("gatehouse_cache_requests")
                    .withDescription("Cache requests answered with an artifact (hit), without one (miss), or stored").build(),
                    new Tag("method", outcome == Outcome.STORED ? "PUT" : "GET"), new Tag("outcome", outcome.name().toLowerCase(Locale.ROOT))));
        }
        for (Authentication outcome : Authentication.values()) {
            authentications.put(outcome, registry.counter(Metadata.builder().withName("gatehouse_cache_authentications")
                    .withDescription("Cache requests by what their credential was: none (anonymous), valid, unknown, revoked,"
                            + " expired, malformed, or not checked because the database failed").build(),
                    new Tag("outcome", outcome.name().toLowerCase(Locale.ROOT))));
        }
        for (String method : new String[] {"GET", "PUT"}) {
            durations.put(method, registry.timer(Metadata.builder().withName("gatehouse_cache_request_duration")
                    .withDescription("Time to answer a cache request that reached the cache, refusals included")
                    .withUnit(MetricUnits.SECONDS).build(),
                    new Tag("method", method)));
        }
        servedBytes = registry.counter(bytes("gatehouse_cache_served", "Bytes of artifacts served"));
        storedBytes = registry.counter(bytes("gatehouse_cache_stored", "Bytes of artifacts stored"));
        evictedEntries = registry.counter(Metadata.builder().withName("gatehouse_cache_evicted_entries")
                .withDescription("Cache entries removed by the eviction: unused too long, or over a limit").build());
        registry.gauge(bytes("gatehouse_cache_held_bytes", "Bytes the cache holds, as of the last eviction run"), heldBytes, AtomicLong::get);
        registry.gauge(Metadata.builder().withName("gatehouse_cache_held_entries")
                .withDescription("Entries the cache holds, as of the last eviction run").build(), heldEntries, AtomicLong::get);
        registered = this;
    }

    /** Payara adds the unit to the name: {@code gatehouse_cache_served} is scraped as {@code gatehouse_cache_served_bytes_total}. */
    private static Metadata bytes(String name, String description) {
        return Metadata.builder().withName(name).withDescription(description).withUnit(MetricUnits.BYTES).build();
    }

    /** Made at the start, so that the first refusals are counted too. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // the instance exists now, and registered its metrics
    }

    /** Hits, misses and stores, of the outcomes {@link UsageCounts} knows; refusals are counted by {@link #refused}. */
    public void count(Outcome outcome, long bytes) {
        Counter counter = requests.get(outcome);
        if (counter == null) {
            return;
        }
        counter.inc();
        if (outcome == Outcome.HIT) {
            servedBytes.inc(bytes);
        } else if (outcome == Outcome.STORED) {
            storedBytes.inc(bytes);
        }
    }

    /** A refused cache request, whoever refused it; nothing before the application has started. */
    public static void refused(String method, int status) {
        CacheMetrics metrics = registered;
        if (metrics != null) {
            String counted = "GET".equals(method) || "PUT".equals(method) ? method : "other";
            // Looked up in the registry once per method and status, not on every refusal.
            metrics.refusals.computeIfAbsent(counted + " " + status, key -> metrics.registry.counter(
                    Metadata.builder().withName("gatehouse_cache_refused")
                            .withDescription("Cache requests refused, by method and HTTP status").build(),
                    new Tag("method", counted), new Tag("status", String.valueOf(status)))).inc();
        }
    }

    /** From the authentication module, outside CDI. */
    public static void authenticated(Authentication outcome) {
        CacheMetrics metrics = registered;
        if (metrics != null) {
            metrics.authentications.get(outcome).inc();
        }
    }

    /** How long the cache took to answer, from the servlet's start to its end; other methods are not timed. */
    public void took(String method, long nanos) {
        Timer timer = durations.get(method);
        if (timer != null) {
            timer.update(Duration.ofNanos(nanos));
        }
    }

    public void held(long bytes, long entries) {
        heldBytes.set(bytes);
        heldEntries.set(entries);
    }

    public void evicted(long entries) {
        if (evictedEntries != null) {
            evictedEntries.inc(entries);
        }
    }
}
