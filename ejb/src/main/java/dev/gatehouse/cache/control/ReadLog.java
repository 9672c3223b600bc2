package dev.gatehouse.cache.control;

import dev.gatehouse.cache.entity.CacheKey;
import dev.gatehouse.cache.entity.Tier;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Cache hits not yet written to their entries' last use. A hit only notes its entry here, in
 * memory; the eviction timer writes the notes in batches ({@code CacheEviction}), so that a hit
 * costs no database write. Bounded: past {@link #MAX_PENDING} distinct entries between two
 * batches, further hits go unnoted, which at worst lets such an entry look older than it is.
 */
@ApplicationScoped
public class ReadLog {

    static final int MAX_PENDING = 100_000;

    private final ConcurrentHashMap<Read, Boolean> pending = new ConcurrentHashMap<>();

    /** One entry that was read. */
    public record Read(String nxCloudId, Tier tier, String hash) {
    }

    public void read(CacheKey key, Tier tier) {
        if (pending.size() < MAX_PENDING) {
            pending.put(new Read(key.nxCloudId(), tier, key.hash()), Boolean.TRUE);
        }
    }

    /** The reads noted since the last call, each once. */
    public List<Read> drain() {
        List<Read> reads = new ArrayList<>(pending.keySet());
        reads.forEach(pending::remove);
        return reads;
    }
}
