package dev.gatehouse.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NxJsonTest {

    @TempDir
    Path folder;

    @Test
    void readsTheTopLevelIdAndUrl() throws IOException {
        Files.writeString(folder.resolve("nx.json"), "{ \"nxCloudId\": \"abc\", \"nxCloudUrl\": \"http://gh:8080\" }");
        NxJson nx = NxJson.find(folder).orElseThrow();
        assertEquals(Optional.of("abc"), nx.nxCloudId());
        assertEquals(Optional.of("http://gh:8080"), nx.nxCloudUrl());
    }

    @Test
    void readsTheLegacyRunnerOptions() throws IOException {
        Files.writeString(folder.resolve("nx.json"), "{\"tasksRunnerOptions\":{\"default\":{\"runner\":\"nx-cloud\","
                + "\"options\":{\"nxCloudId\":\"legacy\",\"url\":\"http://old\"}}}}");
        NxJson nx = NxJson.find(folder).orElseThrow();
        assertEquals(Optional.of("legacy"), nx.nxCloudId());
        assertEquals(Optional.of("http://old"), nx.nxCloudUrl());
    }

    @Test
    void aMissingFileIsEmptyAndABrokenOneIsExplainedAndUntouched() throws IOException {
        assertEquals(Optional.empty(), NxJson.find(folder));
        Files.writeString(folder.resolve("nx.json"), "{ \"nxCloudId\": ");
        IOException broken = assertThrows(IOException.class, () -> NxJson.find(folder));
        assertTrue(broken.getMessage().contains("not valid JSON"));
        assertEquals("{ \"nxCloudId\": ", Files.readString(folder.resolve("nx.json")));
    }

    @Test
    void convertingKeepsTheFormattingAndEverythingElse() throws IOException {
        String before = "{\n  \"extends\": \"nx/presets/npm.json\",\n  \"nxCloudAccessToken\" :  \"gatehouse_wat_abc\",\n"
                + "  \"targetDefaults\": { \"build\": { \"cache\": true } }\n}\n";
        assertEquals("{\n  \"extends\": \"nx/presets/npm.json\",\n  \"nxCloudId\" :  \"ID123\",\n"
                + "  \"targetDefaults\": { \"build\": { \"cache\": true } }\n}\n", NxJson.withNxCloudId(before, "gatehouse_wat_abc", "ID123"));
        Files.writeString(folder.resolve("nx.json"), before);
        assertEquals(Optional.of("gatehouse_wat_abc"), NxJson.find(folder).orElseThrow().legacyAccessToken());
    }

    @Test
    void convertingFindsTheTokenInTheLegacyRunnerOptions() {
        String before = "{\"tasksRunnerOptions\":{\"default\":{\"options\":{\"nxCloudAccessToken\":\"t1\",\"cacheableOperations\":[]}}}}";
        assertEquals("{\"tasksRunnerOptions\":{\"default\":{\"options\":{\"nxCloudId\":\"X\",\"cacheableOperations\":[]}}}}",
                NxJson.withNxCloudId(before, "t1", "X"));
    }
}
