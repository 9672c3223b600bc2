package dev.gatehouse.cache.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The cache's requests by outcome, counted in memory per workspace until the next batch adds them
 * to the day's usage ({@code CacheUsageRecorder}). A request costs a map lookup and an increment.
 */
@ApplicationScoped
public class UsageCounts {

    /** What became of a cache request, as the usage counts it. */
    public enum Outcome { HIT, MISS, STORED, REFUSED_EXISTING, REFUSED_READ_ONLY, REFUSED_TOO_LARGE, REFUSED_STORAGE }

    /** One workspace's counts since the last batch, kept for the life of the process. */
    private static final class Counts {

        private final LongAdder[] outcomes = new LongAdder[Outcome.values().length];
        private final LongAdder bytesServed = new LongAdder();
        private final LongAdder bytesStored = new LongAdder();

        Counts() {
            for (int i = 0; i < outcomes.length; i++) {
                outcomes[i] = new LongAdder();
            }
        }
    }

    /** A workspace's counts taken for one batch. */
    public record Taken(String nxCloudId, long[] outcomes, long bytesServed, long bytesStored) {

        public long of(Outcome outcome) {
            return outcomes[outcome.ordinal()];
        }

        boolean isEmpty() {
            return bytesServed == 0 && bytesStored == 0 && Arrays.stream(outcomes).allMatch(count -> count == 0);
        }
    }

    private final ConcurrentHashMap<String, Counts> counts = new ConcurrentHashMap<>();

    /** @param bytes served for a hit, stored for an upload, else 0 */
    public void count(String nxCloudId, Outcome outcome, long bytes) {
        Counts workspace = counts.computeIfAbsent(nxCloudId, id -> new Counts());
        workspace.outcomes[outcome.ordinal()].increment();
        if (outcome == Outcome.HIT) {
            workspace.bytesServed.add(bytes);
        } else if (outcome == Outcome.STORED) {
            workspace.bytesStored.add(bytes);
        }
    }

    /**
     * The counts since the last call. Each counter is read and zeroed atomically cell by cell, so a
     * request counted meanwhile lands in these counts or in the next ones, never in both or neither.
     */
    public List<Taken> take() {
        List<Taken> taken = new ArrayList<>();
        counts.forEach((nxCloudId, workspace) -> {
            long[] outcomes = new long[workspace.outcomes.length];
            for (int i = 0; i < outcomes.length; i++) {
                outcomes[i] = workspace.outcomes[i].sumThenReset();
            }
            Taken one = new Taken(nxCloudId, outcomes, workspace.bytesServed.sumThenReset(), workspace.bytesStored.sumThenReset());
            if (!one.isEmpty()) {
                taken.add(one);
            }
        });
        return taken;
    }

    /** Counts taken for a batch that could not be written: they wait for the next one. */
    public void giveBack(List<Taken> batch) {
        for (Taken taken : batch) {
            Counts workspace = counts.computeIfAbsent(taken.nxCloudId(), id -> new Counts());
            for (int i = 0; i < taken.outcomes().length; i++) {
                workspace.outcomes[i].add(taken.outcomes()[i]);
            }
            workspace.bytesServed.add(taken.bytesServed());
            workspace.bytesStored.add(taken.bytesStored());
        }
    }
}
