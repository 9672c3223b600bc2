package dev.gatehouse.cache.control;

import dev.gatehouse.cache.entity.CacheKey;
import dev.gatehouse.config.Settings;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where an artifact's bytes live, {@code <cache folder>/<nxCloudId>/<hash>}. A plain object, not a
 * bean, so that the cache's GET finds a file without any container call on its way: the
 * {@code @RolesAllowed} EJB call it replaced was a fifth of a hit's cost (bench/RESULTS.md).
 */
public final class ArtifactFiles {

    private final Path root;

    /** A stored artifact: its file and length. */
    public record Artifact(Path file, long size) {
    }

    ArtifactFiles(Path root) {
        this.root = root;
    }

    public static ArtifactFiles configured() {
        return new ArtifactFiles(Settings.fromEnvironment().cacheFolder());
    }

    /** Answered from the file system alone: a cheap check, no exception for a miss. */
    public Optional<Artifact> find(CacheKey key) {
        File file = fileOf(key).toFile();
        long size = file.length();
        return size > 0 || file.isFile() ? Optional.of(new Artifact(file.toPath(), size)) : Optional.empty();
    }

    Path root() {
        return root;
    }

    Path fileOf(CacheKey key) {
        return root.resolve(key.nxCloudId()).resolve(key.hash());
    }
}
