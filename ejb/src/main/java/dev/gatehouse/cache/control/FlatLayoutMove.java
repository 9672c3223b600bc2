package dev.gatehouse.cache.control;

import dev.gatehouse.cache.entity.CacheKey;
import dev.gatehouse.cache.entity.Tier;
import dev.gatehouse.workspace.entity.NxCloudId;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Moves the artifacts of releases before sharded folders ({@code <nxCloudId>/<hash>}, and
 * {@code <nxCloudId>/.untrusted/<hash>}) to where {@link ArtifactFiles} looks for them, once, at
 * start-up, before the first request. Each artifact moves by one rename, so a run that is
 * interrupted leaves every artifact whole in one of the two places, and the next start goes on
 * where it stopped; a store with nothing flat costs one listing per workspace.
 */
public final class FlatLayoutMove {

    private static final Logger LOG = Logger.getLogger(FlatLayoutMove.class.getName());
    private static final int PROGRESS_EVERY = 10_000;
    /** A hash of two characters names a file where its own first folder must go: it steps aside first. */
    private static final String STEPPING_ASIDE = ".moving-";

    private final ArtifactFiles files;
    private long moved;
    private final long started = System.nanoTime();

    FlatLayoutMove(ArtifactFiles files) {
        this.files = files;
    }

    /**
     * Moves what is left of the flat layout. A failure stops no one: the artifacts not moved yet are
     * misses until the next start moves them.
     */
    public static void run() {
        try {
            new FlatLayoutMove(ArtifactFiles.configured()).moveAtMost(Long.MAX_VALUE);
        } catch (IOException | RuntimeException e) {
            LOG.warning(() -> "Moving cached artifacts into folders by hash stopped; the ones not moved are misses"
                    + " until the next start goes on with it: " + e);
        }
    }

    /** Stops after {@code limit} moves, as a killed run would: for tests of the next run. */
    long moveAtMost(long limit) throws IOException {
        if (!Files.isDirectory(files.root())) {
            return 0;
        }
        for (Path workspace : list(files.root(), entry -> NxCloudId.isWellFormed(entry.getFileName().toString()))) {
            if (Files.isDirectory(workspace)) {
                for (Tier tier : Tier.values()) {
                    Path folder = ArtifactFiles.tierFolder(workspace, tier);
                    if (Files.isDirectory(folder) && !moveFlatFiles(folder, limit)) {
                        return moved;
                    }
                }
            }
        }
        if (moved > 0) {
            LOG.info(() -> "Moved " + moved + " cached artifact(s) into folders by hash (ab/cd/<hash>) in "
                    + seconds() + " s; every artifact is where this version looks for it.");
        }
        return moved;
    }

    /**
     * Two-character names first, since they occupy the names of folders that others need; then the
     * rest, streamed from the folder rather than listed, since a flat folder may hold a million.
     */
    private boolean moveFlatFiles(Path folder, long limit) throws IOException {
        // Few, whatever the folder holds: collected before any of them moves.
        for (Path file : list(folder, entry -> entry.getFileName().toString().length() <= 2
                || entry.getFileName().toString().startsWith(STEPPING_ASIDE))) {
            String name = file.getFileName().toString();
            String hash = name.replace(STEPPING_ASIDE, "");
            if (CacheKey.isValidHash(hash) && (name.startsWith(STEPPING_ASIDE) || Files.isRegularFile(file))) {
                if (moved >= limit) {
                    return false;
                }
                Path aside = folder.resolve(STEPPING_ASIDE + hash);
                Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
                move(aside, folder, hash);
            }
        }
        try (DirectoryStream<Path> flat = Files.newDirectoryStream(folder,
                file -> CacheKey.isValidHash(file.getFileName().toString()) && Files.isRegularFile(file))) {
            for (Path file : flat) {
                if (moved >= limit) {
                    return false;
                }
                move(file, folder, file.getFileName().toString());
            }
        }
        return true;
    }

    private void move(Path file, Path folder, String hash) throws IOException {
        Path target = folder.resolve(ArtifactFiles.shardOf(hash));
        Files.createDirectories(target.getParent());
        try {
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException goneMeanwhile) {
            return;
        }
        if (++moved % PROGRESS_EVERY == 0) {
            LOG.info(() -> "Moving cached artifacts into folders by hash: " + moved + " moved in " + seconds() + " s...");
        }
    }

    private static List<Path> list(Path folder, DirectoryStream.Filter<Path> filter) throws IOException {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, filter)) {
            stream.forEach(entries::add);
        }
        return entries;
    }

    private long seconds() {
        return (System.nanoTime() - started) / 1_000_000_000L;
    }
}
