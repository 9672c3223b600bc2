package dev.gatehouse.cache.control;

import dev.gatehouse.cache.control.ArtifactStore.Artifact;
import dev.gatehouse.cache.entity.CacheKey;
import dev.gatehouse.cache.entity.Tier;
import dev.gatehouse.config.Settings;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where an artifact's bytes live: {@code <cache folder>/<nxCloudId>/ab/cd/<hash>} in the trusted tier,
 * {@code <cache folder>/<nxCloudId>/.untrusted/ab/cd/<hash>} in the untrusted one, where {@code ab} and
 * {@code cd} are the hash's first four characters: nx's hashes are decimal digits, so a million
 * entries make about a hundred per folder instead of a million in one. A plain object, not a
 * bean, so that the cache's GET finds a file with no container call on its way but the store's
 * CDI proxy: the {@code @RolesAllowed} EJB call it replaced was a fifth of a hit's cost (bench/RESULTS.md).
 */
public final class ArtifactFiles {

    private final Path root;

    ArtifactFiles(Path root) {
        this.root = root;
    }

    public static ArtifactFiles configured() {
        return new ArtifactFiles(Settings.fromEnvironment().cacheFolder());
    }

    /** Answered from the file system alone: a cheap check, no exception for a miss. */
    private Optional<Artifact> find(CacheKey key, Tier tier) {
        File file = fileOf(key, tier).toFile();
        long size = file.length();
        return size > 0 || file.isFile() ? Optional.of(new Artifact(size, tier, () -> Files.newInputStream(file.toPath())))
                : Optional.empty();
    }

    /**
     * The usable space of the file system the folder is on, or will be on before the first upload
     * has made it: that of its nearest existing ancestor.
     */
    public static long usableSpace(Path folder) throws IOException {
        return Files.getFileStore(nearestExisting(folder)).getUsableSpace();
    }

    /** The folder, or its nearest ancestor that exists: where it will be made. */
    public static Path nearestExisting(Path folder) {
        Path existing = folder;
        while (!Files.exists(existing) && existing.getParent() != null) {
            existing = existing.getParent();
        }
        return existing;
    }

    Path root() {
        return root;
    }

    /** The first tier that holds the artifact: at most one file check per tier. */
    Optional<Artifact> find(CacheKey key, List<Tier> tiers) {
        for (Tier tier : tiers) {
            Optional<Artifact> found = find(key, tier);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    Path fileOf(CacheKey key, Tier tier) {
        return tierFolder(root.resolve(key.nxCloudId()), tier).resolve(shardOf(key.hash()));
    }

    static Path tierFolder(Path workspace, Tier tier) {
        return tier == Tier.TRUSTED ? workspace : workspace.resolve(Tier.UNTRUSTED_FOLDER);
    }

    /**
     * {@code ab/cd/<hash>}, relative to a tier's folder. A hash shorter than four characters is padded
     * with {@code _} for its folders' names.
     */
    static String shardOf(String hash) {
        String padded = hash.length() >= 4 ? hash : (hash + "___").substring(0, 4);
        return padded.substring(0, 2) + '/' + padded.substring(2, 4) + '/' + hash;
    }
}
