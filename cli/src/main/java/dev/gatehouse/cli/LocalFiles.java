package dev.gatehouse.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The files the commands read and write, with the sentences for when they cannot: the workspace's
 * {@code ./nx.json} and the person's {@code nxcloud.ini}.
 */
final class LocalFiles {

    static final String DEFAULT_URL = "http://127.0.0.1:8080";

    private LocalFiles() {
    }

    /** The server: as given, else {@code nxCloudUrl} from ./nx.json, else the local default. */
    static String serverUrl(String given) {
        if (given != null && !given.isBlank()) {
            return given;
        }
        return workspace().flatMap(NxJson::nxCloudUrl).orElse(DEFAULT_URL);
    }

    /** The nx.json of the current folder or the nearest one above it. */
    static Optional<NxJson> workspace() {
        try {
            return NxJson.find(Path.of(""));
        } catch (IOException e) {
            throw new Failure(2, e.getMessage() + " It was not changed.");
        }
    }

    static NxCloudIni ini() {
        Path file = NxCloudIni.locate(System.getenv());
        try {
            return NxCloudIni.read(file);
        } catch (IOException e) {
            throw new Failure(2, "Cannot read " + file + ": " + e.getMessage());
        }
    }

    static void save(NxCloudIni ini) {
        try {
            ini.write();
        } catch (IOException e) {
            throw new Failure(2, "Cannot write " + ini.file() + ": " + e.getMessage() + " The file was not changed.");
        }
    }
}
