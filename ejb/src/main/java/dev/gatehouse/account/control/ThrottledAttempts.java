package dev.gatehouse.account.control;

import dev.gatehouse.config.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Attempts a {@link Throttle} turned away, by throttle, in MicroProfile Metrics
 * ({@code gatehouse_throttled_total}): a rising count is someone guessing. Made at the start, so
 * that each series is there at zero before the first guess.
 */
@ApplicationScoped
public class ThrottledAttempts {

    /** What was attempted too often. */
    public enum Kind { LOG_IN, APPROVAL_CODE, LOGIN_REQUEST }

    @Inject
    MetricRegistry registry;

    private final Map<Kind, Counter> counters = new EnumMap<>(Kind.class);

    @PostConstruct
    void register() {
        if (Settings.fromEnvironment().metricsAccess() == Settings.MetricsAccess.OFF) {
            return;
        }
        for (Kind kind : Kind.values()) {
            counters.put(kind, registry.counter(Metadata.builder().withName("gatehouse_throttled")
                    .withDescription("Attempts turned away by a throttle: log-ins, CLI approval codes, CLI log-in requests").build(),
                    new Tag("throttle", kind.name().toLowerCase(Locale.ROOT).replace('_', '-'))));
        }
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // the instance exists now, and registered its counters
    }

    public void turnedAway(Kind kind) {
        Counter counter = counters.get(kind);
        if (counter != null) {
            counter.inc();
        }
    }
}
