package dev.gatehouse.cache.control;

import dev.gatehouse.cache.entity.CacheKey;
import dev.gatehouse.cache.entity.Tier;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where artifacts' bytes are kept: a folder ({@link FolderStore}, the default, shared by every node
 * when several run) or an S3 bucket ({@link S3Store}), as {@code GATEHOUSE_CACHE_STORE} says
 * ({@link ArtifactStores}). Either way an upload streams, a killed one leaves nothing visible, and
 * of two uploads of one hash in one tier exactly one is kept.
 */
public interface ArtifactStore {

    /** A stored artifact, found for a GET: opening it may still fail, when it went since. */
    record Artifact(long size, Tier tier, Source source) {
    }

    @FunctionalInterface
    interface Source {
        InputStream open() throws IOException;
    }

    /**
     * What an upload became: the SHA-256 of its bytes, and the object that holds them where that is
     * not a function of the key (S3: each upload its own object, the database row decides which one counts).
     */
    record Stored(String sha256, String objectKey) {
    }

    /** The first of the tiers that holds the artifact. */
    Optional<Artifact> find(CacheKey key, List<Tier> tiers);

    /** Whether any of the tiers holds the artifact: in S3, one question to the records for all of them. */
    boolean exists(CacheKey key, List<Tier> tiers);

    /**
     * Stores exactly {@code length} bytes from {@code body} in one tier.
     *
     * @return what was stored, or empty when this store alone knows that the hash is held there already
     * @throws IncompleteBodyException when the body ends before {@code length} bytes
     * @throws StorageFailure when the store failed, never the client
     */
    Optional<Stored> store(CacheKey key, Tier tier, InputStream body, long length) throws IOException;

    /**
     * Deletes a stored artifact (purged, evicted, or its record could not be written). A reader that
     * has it open goes on reading it to the end where the store allows.
     *
     * @param objectKey as {@link Stored} named it; null for the folder store
     * @throws java.io.UncheckedIOException when it stays behind
     */
    void remove(CacheKey key, Tier tier, String objectKey);

    /** Everything of a deleted workspace. */
    void deleteAll(String nxCloudId);

    /** For {@code /health}: whether uploads can be kept now, and what an operator should know about it. */
    Readiness readiness();

    /** @param data facts for the operator, each a string, a whole number or a truth value */
    record Readiness(boolean up, String name, Map<String, Object> data) {
    }
}
