package dev.gatehouse.cache.control;

import dev.gatehouse.cache.entity.CacheKey;
import dev.gatehouse.cache.entity.Tier;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Artifacts as files, in folders per workspace, tier and hash ({@link ArtifactFiles}). An upload streams into a
 * temporary file, is synced to disk, and only then becomes visible under its name, by a hard link
 * that fails if the name exists: so a killed upload leaves nothing visible, and of two concurrent
 * uploads of one hash exactly one wins and its bytes are the ones kept. Memory use is one buffer
 * per request, whatever the artifact's size.
 */
public class FolderStore implements ArtifactStore {

    private static final Logger LOG = Logger.getLogger(FolderStore.class.getName());
    static final int BUFFER = 64 * 1024;

    private final ArtifactFiles files;
    private final Path incoming;
    private final long minFree;

    FolderStore(ArtifactFiles files, long minFree) {
        this.files = files;
        this.minFree = minFree;
        Path root = files.root();
        incoming = root.resolve(".incoming");
        try {
            Files.createDirectories(incoming);
            // Leftovers of uploads that a crash interrupted: never visible, now also gone.
            try (Stream<Path> parts = Files.list(incoming)) {
                for (Path part : (Iterable<Path>) parts::iterator) {
                    Files.deleteIfExists(part);
                }
            }
        } catch (IOException e) {
            // Not fatal: uploads then fail one by one as 403s that nx carries on after, and say why.
            LOG.warning(() -> "Cannot prepare the cache folder " + root + ": " + e);
        }
    }

    @Override
    public String toString() {
        return "folder " + files.root();
    }

    /** Answered from the file system alone: the cache's GET makes no container call on its way. */
    @Override
    public Optional<Artifact> find(CacheKey key, List<Tier> tiers) {
        return files.find(key, tiers);
    }

    @Override
    public boolean exists(CacheKey key, List<Tier> tiers) {
        return tiers.stream().anyMatch(tier -> fileOf(key, tier).toFile().isFile());
    }

    @Override
    public Optional<Stored> store(CacheKey key, Tier tier, InputStream body, long length) throws IOException {
        // Whether it exists was asked just before (CacheService); the link below decides anyway.
        Path part;
        try {
            part = Files.createTempFile(incoming, key.hash(), ".part");
        } catch (IOException e) {
            throw new StorageFailure(e);
        }
        try {
            String sha256 = copy(body, length, part);
            try {
                link(fileOf(key, tier), part);
            } catch (FileAlreadyExistsException lostTheRace) {
                return Optional.empty();
            } catch (IOException e) {
                throw new StorageFailure(e);
            }
            return Optional.of(new Stored(sha256, null));
        } finally {
            Files.deleteIfExists(part);
        }
    }

    /** A removal may take an emptied folder away between its making and the link into it: then it is made again. */
    private static void link(Path target, Path part) throws IOException {
        for (int attempt = 1; ; attempt++) {
            Files.createDirectories(target.getParent());
            try {
                Files.createLink(target, part);
                return;
            } catch (NoSuchFileException folderRemoved) {
                if (attempt == 3) {
                    throw folderRemoved;
                }
            }
        }
    }

    /** Also the folders it leaves empty. A reader that has the file open goes on reading it to the end. */
    @Override
    public void remove(CacheKey key, Tier tier, String objectKey) {
        Path file = fileOf(key, tier);
        try {
            Files.deleteIfExists(file);
            for (Path folder = file.getParent(); !folder.equals(files.root()) && isEmpty(folder); folder = folder.getParent()) {
                Files.deleteIfExists(folder);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove " + file, e);
        }
    }

    @Override
    public void deleteAll(String nxCloudId) {
        Path folder = files.root().resolve(nxCloudId);
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the cache folder " + folder, e);
        }
    }

    /**
     * Writable, with at least {@code GATEHOUSE_CACHE_MIN_FREE} free, so that an operator hears of a
     * filling disk before uploads start being refused.
     */
    @Override
    public Readiness readiness() {
        long free;
        try {
            free = ArtifactFiles.usableSpace(files.root());
        } catch (IOException e) {
            LOG.warning(() -> "Health check: the cache folder " + files.root() + " cannot be examined: " + e);
            free = -1;
        }
        // Before the first upload has made the folder: whether it could be made.
        boolean writable = Files.isWritable(ArtifactFiles.nearestExisting(files.root()));
        return new Readiness(free >= minFree && writable, "cache-folder",
                Map.of("freeBytes", free, "minimumFreeBytes", minFree, "writable", writable));
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (Stream<Path> left = Files.list(folder)) {
            return left.findAny().isEmpty();
        }
    }

    private Path fileOf(CacheKey key, Tier tier) {
        return files.fileOf(key, tier);
    }

    /** Reading is the client's part, writing the server's: only a failed write is a {@link StorageFailure}. */
    private static String copy(InputStream body, long length, Path part) throws IOException {
        MessageDigest sha256 = sha256();
        byte[] buffer = new byte[BUFFER];
        try (FileChannel out = open(part)) {
            long remaining = length;
            while (remaining > 0) {
                int read = body.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                if (read < 0) {
                    throw new IncompleteBodyException(length - remaining, length);
                }
                sha256.update(buffer, 0, read);
                write(out, ByteBuffer.wrap(buffer, 0, read));
                remaining -= read;
            }
            try {
                out.force(true);
            } catch (IOException e) {
                throw new StorageFailure(e);
            }
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static FileChannel open(Path part) throws StorageFailure {
        try {
            return FileChannel.open(part, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new StorageFailure(e);
        }
    }

    private static void write(FileChannel out, ByteBuffer chunk) throws StorageFailure {
        try {
            while (chunk.hasRemaining()) {
                out.write(chunk);
            }
        } catch (IOException e) {
            throw new StorageFailure(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
