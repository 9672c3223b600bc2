package dev.gatehouse.cache.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.cache.entity.CacheKey;
import dev.gatehouse.cache.entity.Tier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store of a release before sharded folders, moved at start-up, killed halfway and started again. */
class FlatLayoutMoveTest {

    private static final String FIRST = "aaaaaaaaaaaaaaaaaaaaaaaa";
    private static final String SECOND = "bbbbbbbbbbbbbbbbbbbbbbbb";

    @TempDir
    Path root;

    @Test
    void foldersAreNamedByTheHashsFirstFourCharactersPaddedWhenShorter() {
        assertEquals("12/34/12345678901234567890", ArtifactFiles.shardOf("12345678901234567890"));
        assertEquals("ab/c_/abc", ArtifactFiles.shardOf("abc"));
        assertEquals("h1/__/h1", ArtifactFiles.shardOf("h1"));
        assertEquals("x_/__/x", ArtifactFiles.shardOf("x"));
    }

    @Test
    void anInterruptedMoveIsFinishedByTheNextStartAndEveryArtifactKeepsItsBytesAndTier() throws IOException {
        Map<Path, Map.Entry<CacheKey, Tier>> flat = new LinkedHashMap<>();
        for (String workspace : List.of(FIRST, SECOND)) {
            for (String hash : List.of("10938475610293847561", "10999999999999999999", "77777777", "h1", "10", "x")) {
                flat.put(write(root.resolve(workspace).resolve(hash)), Map.entry(new CacheKey(workspace, hash), Tier.TRUSTED));
            }
            for (String hash : List.of("20938475610293847561", "h2")) {
                flat.put(write(root.resolve(workspace).resolve(Tier.UNTRUSTED_FOLDER).resolve(hash)),
                        Map.entry(new CacheKey(workspace, hash), Tier.UNTRUSTED));
            }
        }
        Path notAnArtifact = write(root.resolve(FIRST).resolve("notes.txt"));
        Path partOfAnUpload = write(root.resolve(".incoming").resolve("123.part"));
        ArtifactFiles files = new ArtifactFiles(root);

        assertEquals(7, new FlatLayoutMove(files).moveAtMost(7), "killed after seven moves");
        // Killed between stepping a two-character name aside and moving it into its folder.
        Files.move(root.resolve(SECOND).resolve("10"), root.resolve(SECOND).resolve(".moving-10"));
        long foundHalfway = flat.values().stream().filter(artifact -> find(files, artifact).isPresent()).count();
        assertTrue(foundHalfway >= 7 && foundHalfway < flat.size(), "halfway: " + foundHalfway);

        assertEquals(flat.size() - foundHalfway, new FlatLayoutMove(files).moveAtMost(Long.MAX_VALUE));
        for (Map.Entry<Path, Map.Entry<CacheKey, Tier>> artifact : flat.entrySet()) {
            var found = find(files, artifact.getValue());
            assertTrue(found.isPresent(), artifact.getKey().toString());
            assertArrayEquals(bytesOf(artifact.getKey()), found.get().source().open().readAllBytes());
            assertTrue(Files.isRegularFile(root.resolve(artifact.getValue().getKey().nxCloudId()).resolve(artifact.getValue()
                    .getValue() == Tier.TRUSTED ? "" : Tier.UNTRUSTED_FOLDER).resolve(ArtifactFiles.shardOf(
                    artifact.getValue().getKey().hash()))), "in its folder by hash");
        }
        try (Stream<Path> left = Files.walk(root)) {
            assertEquals(List.of(), left.filter(Files::isRegularFile).filter(file -> file.getNameCount()
                    - root.getNameCount() < 4 && !file.equals(notAnArtifact) && !file.equals(partOfAnUpload)).toList(),
                    "nothing flat is left but what is not an artifact");
        }
        assertTrue(Files.exists(notAnArtifact));
        assertEquals(0, new FlatLayoutMove(files).moveAtMost(Long.MAX_VALUE), "the next start has nothing to do");
    }

    private static java.util.Optional<ArtifactStore.Artifact> find(ArtifactFiles files, Map.Entry<CacheKey, Tier> artifact) {
        return files.find(artifact.getKey(), List.of(artifact.getValue()));
    }

    private static Path write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.write(file, bytesOf(file));
    }

    private static byte[] bytesOf(Path file) {
        return ("bytes of " + file).getBytes(StandardCharsets.UTF_8);
    }
}
