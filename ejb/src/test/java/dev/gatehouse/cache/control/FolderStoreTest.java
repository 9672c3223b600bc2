package dev.gatehouse.cache.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.cache.entity.CacheKey;
import dev.gatehouse.cache.entity.Tier;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The upload's atomic link, straight on a folder: what CacheIT can only see from outside. */
class FolderStoreTest {

    @TempDir
    Path root;

    private final CacheKey key = new CacheKey("abcdefghijklmnopqrstuvwx", "123456789");

    private FolderStore store() {
        return new FolderStore(new ArtifactFiles(root), 0);
    }

    @Test
    void anUploadLandsInItsFolderByHashWithItsSha256() throws Exception {
        FolderStore store = store();
        byte[] bytes = "artifact".getBytes();
        Optional<ArtifactStore.Stored> stored = store.store(key, Tier.TRUSTED, new ByteArrayInputStream(bytes), bytes.length);
        assertEquals(Optional.of(new ArtifactStore.Stored(sha256(bytes), null)), stored);
        assertArrayEquals(bytes, store.find(key, List.of(Tier.UNTRUSTED, Tier.TRUSTED)).orElseThrow().source().open().readAllBytes());
        assertArrayEquals(bytes, Files.readAllBytes(root.resolve("abcdefghijklmnopqrstuvwx/12/34/123456789")));
        assertTrue(store.exists(key, List.of(Tier.TRUSTED)));
        assertFalse(store.exists(key, List.of(Tier.UNTRUSTED)));
        assertEquals(List.of(), parts(), "no part file left");
    }

    @Test
    void aStoredHashIsNeverReplaced() throws Exception {
        FolderStore store = store();
        store.store(key, Tier.TRUSTED, new ByteArrayInputStream(new byte[] {1}), 1);
        assertEquals(Optional.empty(), store.store(key, Tier.TRUSTED, new ByteArrayInputStream(new byte[] {2}), 1));
        assertArrayEquals(new byte[] {1}, Files.readAllBytes(root.resolve("abcdefghijklmnopqrstuvwx/12/34/123456789")));
    }

    @Test
    void ofTwoUploadsOfOneHashAtOnceExactlyOneWinsAndItsBytesAreKept() throws Exception {
        FolderStore store = store();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                CacheKey raced = new CacheKey("abcdefghijklmnopqrstuvwx", "race" + round);
                CountDownLatch bothStarted = new CountDownLatch(2);
                List<Future<Optional<ArtifactStore.Stored>>> uploads = new ArrayList<>();
                for (byte fill = 1; fill <= 2; fill++) {
                    byte[] bytes = new byte[200_000];
                    java.util.Arrays.fill(bytes, fill);
                    uploads.add(pool.submit(() -> store.store(raced, Tier.TRUSTED, afterBoth(bothStarted, bytes), bytes.length)));
                }
                List<String> won = new ArrayList<>();
                for (Future<Optional<ArtifactStore.Stored>> upload : uploads) {
                    upload.get().map(ArtifactStore.Stored::sha256).ifPresent(won::add);
                }
                assertEquals(1, won.size(), "exactly one winner in round " + round);
                assertEquals(won.get(0), sha256(Files.readAllBytes(root.resolve("abcdefghijklmnopqrstuvwx/ra/ce/race" + round))),
                        "the winner's bytes are the ones kept");
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(), parts(), "the loser's part file is gone");
    }

    @Test
    void aBodyThatEndsEarlyLeavesNothingVisibleAndNoPartFile() throws Exception {
        FolderStore store = store();
        assertThrows(IncompleteBodyException.class,
                () -> store.store(key, Tier.TRUSTED, new ByteArrayInputStream(new byte[10]), 100));
        assertFalse(store.exists(key, List.of(Tier.TRUSTED)));
        assertEquals(List.of(), parts());
    }

    @Test
    void aStartDeletesWhatACrashedUploadLeftAndARemovalTakesEmptiedFoldersAway() throws Exception {
        Files.createDirectories(root.resolve(".incoming"));
        Files.write(root.resolve(".incoming/123456789-crashed.part"), new byte[5]);
        FolderStore store = store();
        assertEquals(List.of(), parts());

        store.store(key, Tier.UNTRUSTED, new ByteArrayInputStream(new byte[] {7}), 1);
        assertTrue(Files.exists(root.resolve("abcdefghijklmnopqrstuvwx/.untrusted/12/34/123456789")));
        store.remove(key, Tier.UNTRUSTED, null);
        assertFalse(Files.exists(root.resolve("abcdefghijklmnopqrstuvwx")), "the folders it emptied went with it");
        assertTrue(Files.isDirectory(root), "the cache folder itself stays");
    }

    /** A body that gives its first byte at once and the rest only when both uploads are under way. */
    private static InputStream afterBoth(CountDownLatch bothStarted, byte[] bytes) {
        return new ByteArrayInputStream(bytes) {
            private boolean waited;

            @Override
            public synchronized int read(byte[] buffer, int offset, int length) {
                if (!waited && pos > 0) {
                    waited = true;
                    bothStarted.countDown();
                    try {
                        bothStarted.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return super.read(buffer, offset, pos == 0 ? 1 : length);
            }
        };
    }

    private List<Path> parts() throws IOException {
        try (Stream<Path> parts = Files.list(root.resolve(".incoming"))) {
            return parts.toList();
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
