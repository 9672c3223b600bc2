package dev.gatehouse.cache.entity;

import dev.gatehouse.workspace.entity.NxCloudId;
import java.util.regex.Pattern;

/**
 * Which artifact a request names: a workspace's nxCloudId and a task hash. Both are checked here,
 * once, so that nothing built from them can ever leave the cache folder.
 */
public record CacheKey(String nxCloudId, String hash) {

    public static final int HASH_MAX = 128;
    private static final Pattern HASH = Pattern.compile("[A-Za-z0-9_-]{1," + HASH_MAX + "}");

    public CacheKey {
        if (!isValidHash(hash)) {
            throw new IllegalArgumentException("A cache hash is 1 to " + HASH_MAX + " letters, digits, '-' or '_'.");
        }
        if (!NxCloudId.isWellFormed(nxCloudId)) {
            throw new IllegalArgumentException("An nxCloudId is " + NxCloudId.LENGTH + " letters and digits.");
        }
    }

    public static boolean isValidHash(String hash) {
        return hash != null && HASH.matcher(hash).matches();
    }
}
