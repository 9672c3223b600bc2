package dev.gatehouse.cache.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.cache.control.ArtifactStore.Stored;
import dev.gatehouse.cache.control.S3Store.Located;
import dev.gatehouse.cache.entity.CacheKey;
import dev.gatehouse.cache.entity.Tier;
import dev.gatehouse.config.Settings;
import dev.gatehouse.testing.S3Proxy;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The S3 store against a real S3 API (S3Proxy); the records that say which object counts are a map here. */
class S3StoreTest {

    @TempDir
    static Path folder;

    private static S3Proxy proxy;
    private static S3Store store;
    private static final Map<String, Located> records = new ConcurrentHashMap<>();

    @BeforeAll
    static void startS3() throws Exception {
        proxy = S3Proxy.start(folder);
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        store = S3Store.connect(new Settings.S3Bucket(Optional.of(proxy.endpoint()), S3Proxy.BUCKET, "us-east-1"),
                (key, tiers) -> tiers.stream().map(tier -> records.get(key + "/" + tier)).filter(java.util.Objects::nonNull).findFirst());
    }

    @AfterAll
    static void stopS3() throws Exception {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        if (store != null) {
            store.close();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void anUploadIsAnObjectOfItsOwnThatAGetStreamsOnceItsRecordNamesIt() throws Exception {
        CacheKey key = new CacheKey("ws1aaaaaaaaaaaaaaaaaaaaa", "1234");
        byte[] bytes = "an artifact".getBytes();
        Stored first = store.store(key, Tier.TRUSTED, new ByteArrayInputStream(bytes), bytes.length).orElseThrow();
        Stored second = store.store(key, Tier.TRUSTED, new ByteArrayInputStream(bytes), bytes.length).orElseThrow();
        assertEquals(sha256(bytes), first.sha256());
        assertTrue(first.objectKey().startsWith("ws1aaaaaaaaaaaaaaaaaaaaa/trusted/1234/"), first.objectKey());
        assertFalse(first.objectKey().equals(second.objectKey()), "two uploads never share an object");
        assertFalse(store.exists(key, List.of(Tier.TRUSTED)), "unrecorded, an object is nothing");
        assertEquals(Optional.empty(), store.find(key, List.of(Tier.TRUSTED)));

        record(key, Tier.TRUSTED, bytes.length, first);
        ArtifactStore.Artifact found = store.find(key, List.of(Tier.UNTRUSTED, Tier.TRUSTED)).orElseThrow();
        assertEquals(Tier.TRUSTED, found.tier());
        try (InputStream in = found.source().open()) {
            assertArrayEquals(bytes, in.readAllBytes());
        }
        store.remove(key, Tier.TRUSTED, second.objectKey());
        assertFalse(proxy.keys().anyMatch(second.objectKey()::equals), "the loser's object is deleted");
        assertTrue(proxy.keys().anyMatch(first.objectKey()::equals));
    }

    @Test
    void aBigArtifactGoesUpInPartsAndComesBackWhole() throws Exception {
        CacheKey key = new CacheKey("ws2aaaaaaaaaaaaaaaaaaaaa", "big");
        long length = S3Upload.MULTIPART_FROM + 5_000_123;
        Stored stored = store.store(key, Tier.UNTRUSTED, new Pattern(length), length).orElseThrow();
        assertEquals(sha256(new Pattern(length)), stored.sha256());
        record(key, Tier.UNTRUSTED, length, stored);
        try (InputStream in = store.find(key, List.of(Tier.UNTRUSTED)).orElseThrow().source().open()) {
            assertEquals(stored.sha256(), sha256(in), "the object has the upload's bytes");
        }
    }

    @Test
    void aBodyThatEndsEarlyIsTheClientsFailureAndLeavesNoObject() throws Exception {
        CacheKey key = new CacheKey("ws3aaaaaaaaaaaaaaaaaaaaa", "short");
        assertThrows(IncompleteBodyException.class,
                () -> store.store(key, Tier.TRUSTED, new ByteArrayInputStream(new byte[10]), 100));
        long promised = S3Upload.MULTIPART_FROM + 1;
        assertThrows(IncompleteBodyException.class,
                () -> store.store(key, Tier.TRUSTED, new Pattern(20_000_000), promised));
        assertEquals(List.of(), proxy.keys().filter(objectKey -> objectKey.startsWith("ws3")).toList());
    }

    @Test
    void aDeletedWorkspaceTakesAllItsObjectsAndOnlyThose() throws Exception {
        for (String hash : List.of("1", "2", "3")) {
            store.store(new CacheKey("ws4aaaaaaaaaaaaaaaaaaaaa", hash), Tier.TRUSTED, new ByteArrayInputStream(new byte[1]), 1);
        }
        store.store(new CacheKey("ws4aaaaaaaaaaaaaaaaaaaab", "1"), Tier.TRUSTED, new ByteArrayInputStream(new byte[1]), 1);
        store.deleteAll("ws4aaaaaaaaaaaaaaaaaaaaa");
        assertEquals(List.of(), proxy.keys().filter(objectKey -> objectKey.startsWith("ws4aaaaaaaaaaaaaaaaaaaaa/")).toList());
        assertEquals(1, proxy.keys().filter(objectKey -> objectKey.startsWith("ws4aaaaaaaaaaaaaaaaaaaab/")).count());
    }

    @Test
    void whenTheStoreIsDownUploadsFailAsTheStoresFailureReadsCannotOpenAndItIsNotReady() throws Exception {
        CacheKey key = new CacheKey("ws5aaaaaaaaaaaaaaaaaaaaa", "1");
        byte[] bytes = {1, 2, 3};
        record(key, Tier.TRUSTED, 3, store.store(key, Tier.TRUSTED, new ByteArrayInputStream(bytes), 3).orElseThrow());
        assertTrue(store.readiness().up());
        proxy.stop();
        try {
            StorageFailure failed = assertThrows(StorageFailure.class,
                    () -> store.store(new CacheKey("ws5aaaaaaaaaaaaaaaaaaaaa", "2"), Tier.TRUSTED, new ByteArrayInputStream(bytes), 3));
            assertTrue(failed.getMessage().contains(S3Proxy.BUCKET), failed.getMessage());
            ArtifactStore.Artifact found = store.find(key, List.of(Tier.TRUSTED)).orElseThrow();
            assertThrows(IOException.class, () -> found.source().open());
            assertFalse(store.readiness().up());
        } finally {
            proxy.run();
        }
        assertTrue(store.readiness().up(), "ready again once the store answers");
        try (InputStream in = store.find(key, List.of(Tier.TRUSTED)).orElseThrow().source().open()) {
            assertArrayEquals(bytes, in.readAllBytes());
        }
    }

    private static void record(CacheKey key, Tier tier, long size, Stored stored) {
        records.put(key + "/" + tier, new Located(tier, size, stored.objectKey()));
    }

    private static String sha256(byte[] bytes) throws Exception {
        return sha256(new ByteArrayInputStream(bytes));
    }

    private static String sha256(InputStream in) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[64 * 1024];
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
            digest.update(buffer, 0, read);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** A body of any length made on the fly, never in memory as a whole. */
    private static final class Pattern extends InputStream {

        private final long length;
        private long position;

        Pattern(long length) {
            this.length = length;
        }

        @Override
        public int read() {
            return position < length ? (int) (position++ * 31 % 251) : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int count) {
            if (position >= length) {
                return -1;
            }
            int n = (int) Math.min(count, length - position);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = (byte) (position++ * 31 % 251);
            }
            return n;
        }
    }
}
