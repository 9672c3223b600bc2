package dev.gatehouse.common;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.ModifiedExpiryPolicy;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Numbers by key that every node sees alike: a JCache in Payara's data grid when the server runs one
 * (Payara Micro always does, alone or clustered), else this node's memory (a Payara Server domain with
 * its data grid off is one node anyway). Changes are compare-and-set, so two nodes counting one key at
 * once lose no count. An entry goes {@code forgetAfter} after its last change; the grid's cache also
 * keeps a bounded number (Hazelcast's default eviction, least recently used first), the local map
 * {@code localCapacity}. Keys and values are JDK types, which any node can read.
 */
public abstract class GridMap {

    private static final Logger LOG = Logger.getLogger(GridMap.class.getName());
    private static final String GRID = "payara/CacheManager";

    public static GridMap named(String name, Duration forgetAfter, int localCapacity) {
        try {
            CacheManager grid = (CacheManager) new InitialContext().lookup(GRID);
            return new Shared(cache(grid, "gatehouse-" + name.replace(' ', '-'), forgetAfter));
        } catch (NamingException | RuntimeException noGrid) {
            LOG.info(() -> "No data grid (" + GRID + ", " + noGrid + "): " + name + " is kept in this node's memory.");
            return inMemory(localCapacity);
        }
    }

    /** This node's memory only, holding at most {@code capacity} keys: for one node, and for tests. */
    public static GridMap inMemory(int capacity) {
        return new Local(capacity);
    }

    /** The value, or null when the key has none. */
    public abstract Long get(String key);

    public abstract void remove(String key);

    /** Sets the key to what {@code change} makes of its value (null when it has none), as one step. */
    public final long update(String key, UnaryOperator<Long> change) {
        for (;;) {
            Long old = get(key);
            long changed = change.apply(old);
            if (old == null ? putIfAbsent(key, changed) : replace(key, old, changed)) {
                return changed;
            }
        }
    }

    protected abstract boolean putIfAbsent(String key, long value);

    protected abstract boolean replace(String key, long old, long value);

    private static Cache<String, Long> cache(CacheManager grid, String name, Duration forgetAfter) {
        Cache<String, Long> cache = grid.getCache(name, String.class, Long.class);
        if (cache != null) {
            return cache;
        }
        try {
            return grid.createCache(name, new MutableConfiguration<String, Long>().setTypes(String.class, Long.class)
                    .setExpiryPolicyFactory(ModifiedExpiryPolicy.factoryOf(
                            new javax.cache.expiry.Duration(java.util.concurrent.TimeUnit.SECONDS, forgetAfter.toSeconds()))));
        } catch (CacheException madeByAnotherNode) {
            return grid.getCache(name, String.class, Long.class);
        }
    }

    private static final class Shared extends GridMap {
        private final Cache<String, Long> cache;

        Shared(Cache<String, Long> cache) {
            this.cache = cache;
        }

        @Override
        public Long get(String key) {
            return cache.get(key);
        }

        @Override
        public void remove(String key) {
            cache.remove(key);
        }

        @Override
        protected boolean putIfAbsent(String key, long value) {
            return cache.putIfAbsent(key, value);
        }

        @Override
        protected boolean replace(String key, long old, long value) {
            return cache.replace(key, old, value);
        }
    }

    private static final class Local extends GridMap {
        private final Map<String, Long> values;

        Local(int capacity) {
            values = new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                    return size() > capacity;
                }
            };
        }

        @Override
        public synchronized Long get(String key) {
            return values.get(key);
        }

        @Override
        public synchronized void remove(String key) {
            values.remove(key);
        }

        @Override
        protected synchronized boolean putIfAbsent(String key, long value) {
            return values.putIfAbsent(key, value) == null;
        }

        @Override
        protected synchronized boolean replace(String key, long old, long value) {
            return values.replace(key, old, value);
        }
    }
}
