package dev.gatehouse.cache.entity;

import dev.gatehouse.workspace.entity.NxCloudId;

/**
 * Which artifact a request names: a workspace's nxCloudId and a task hash. Both are checked here,
 * once, so that nothing built from them can ever leave the cache folder.
 */
public record CacheKey(String nxCloudId, String hash) {

    public static final int HASH_MAX = 128;

    public CacheKey {
        if (!isValidHash(hash)) {
            throw new IllegalArgumentException("A cache hash is 1 to " + HASH_MAX + " letters, digits, '-' or '_'.");
        }
        if (!NxCloudId.isWellFormed(nxCloudId)) {
            throw new IllegalArgumentException("An nxCloudId is " + NxCloudId.LENGTH + " letters and digits.");
        }
    }

    public static boolean isValidHash(String hash) {
        // A scan rather than a regular expression: this runs on every cache request.
        if (hash == null || hash.isEmpty() || hash.length() > HASH_MAX) {
            return false;
        }
        for (int i = 0; i < hash.length(); i++) {
            char c = hash.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }
}
