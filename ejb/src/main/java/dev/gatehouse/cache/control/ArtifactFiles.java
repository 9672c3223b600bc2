package dev.gatehouse.cache.control;

import dev.gatehouse.cache.entity.CacheKey;
import dev.gatehouse.cache.entity.Tier;
import dev.gatehouse.config.Settings;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where an artifact's bytes live: {@code <cache folder>/<nxCloudId>/<hash>} in the trusted tier,
 * {@code <cache folder>/<nxCloudId>/.untrusted/<hash>} in the untrusted one. A plain object, not a
 * bean, so that the cache's GET finds a file without any container call on its way: the
 * {@code @RolesAllowed} EJB call it replaced was a fifth of a hit's cost (bench/RESULTS.md).
 */
public final class ArtifactFiles {

    private final Path root;

    /** A stored artifact: its file, length and tier. */
    public record Artifact(Path file, long size, Tier tier) {
    }

    ArtifactFiles(Path root) {
        this.root = root;
    }

    public static ArtifactFiles configured() {
        return new ArtifactFiles(Settings.fromEnvironment().cacheFolder());
    }

    /** Answered from the file system alone: a cheap check, no exception for a miss. */
    public Optional<Artifact> find(CacheKey key, Tier tier) {
        File file = fileOf(key, tier).toFile();
        long size = file.length();
        return size > 0 || file.isFile() ? Optional.of(new Artifact(file.toPath(), size, tier)) : Optional.empty();
    }

    Path root() {
        return root;
    }

    /** The first tier that holds the artifact: at most one file check per tier. */
    public Optional<Artifact> find(CacheKey key, List<Tier> tiers) {
        for (Tier tier : tiers) {
            Optional<Artifact> found = find(key, tier);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    Path fileOf(CacheKey key, Tier tier) {
        Path workspace = root.resolve(key.nxCloudId());
        return (tier == Tier.TRUSTED ? workspace : workspace.resolve(Tier.UNTRUSTED_FOLDER)).resolve(key.hash());
    }
}
