package dev.gatehouse.cli;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Nx's own token file, {@code nxcloud.ini}, as the nx tooling reads it: one section per server URL,
 * with dots escaped as npm's {@code ini} package writes them, and the key {@code personalAccessToken}.
 * Edits keep every other line as it was, and are written to a temporary file first, so a failure
 * never leaves a half-written file behind. The file is readable by its owner only.
 */
final class NxCloudIni {

    static final String KEY = "personalAccessToken";

    private final Path file;
    private final List<String> lines;

    private NxCloudIni(Path file, List<String> lines) {
        this.file = file;
        this.lines = lines;
    }

    /**
     * Nx's lookup order on Unix: {@code $XDG_CONFIG_HOME/nxcloud/nxcloud.ini}, {@code ~/.nxcloud.ini},
     * {@code ~/.config/nxcloud/nxcloud.ini}. The first that exists is used; a new file goes to the
     * XDG location, or {@code ~/.config/nxcloud/nxcloud.ini} without XDG.
     */
    static Path locate(Map<String, String> env) {
        List<Path> candidates = new ArrayList<>();
        String xdg = env.get("XDG_CONFIG_HOME");
        Path home = Path.of(env.getOrDefault("HOME", System.getProperty("user.home")));
        if (xdg != null && !xdg.isBlank()) {
            candidates.add(Path.of(xdg, "nxcloud", "nxcloud.ini"));
        }
        candidates.add(home.resolve(".nxcloud.ini"));
        candidates.add(home.resolve(".config/nxcloud/nxcloud.ini"));
        Path newFile = xdg != null && !xdg.isBlank() ? candidates.get(0) : candidates.get(candidates.size() - 1);
        return candidates.stream().filter(Files::isRegularFile).findFirst().orElse(newFile);
    }

    static NxCloudIni read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return new NxCloudIni(file, new ArrayList<>());
        }
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            boolean understood = line.isEmpty() || line.startsWith(";") || line.startsWith("#")
                    || line.startsWith("[") && line.endsWith("]") || line.contains("=");
            if (!understood) {
                throw new IOException(file + " line " + (i + 1) + " is neither a [section] nor key=value;"
                        + " fix or remove it, then try again. The file was not changed.");
            }
        }
        return new NxCloudIni(file, lines);
    }

    Path file() {
        return file;
    }

    Optional<String> token(String serverUrl) {
        int[] section = section(serverUrl);
        if (section == null) {
            return Optional.empty();
        }
        for (int i = section[0] + 1; i < section[1]; i++) {
            String[] pair = pair(lines.get(i));
            if (pair != null && pair[0].equals(KEY)) {
                return Optional.of(pair[1]);
            }
        }
        return Optional.empty();
    }

    /** True when this file has a section for the server: somebody logged in there from this machine before. */
    boolean knows(String serverUrl) {
        return section(serverUrl) != null;
    }

    void putToken(String serverUrl, String token) {
        int[] section = section(serverUrl);
        if (section == null) {
            if (!lines.isEmpty() && !lines.get(lines.size() - 1).isBlank()) {
                lines.add("");
            }
            lines.add("[" + escape(serverUrl) + "]");
            lines.add(KEY + "=" + token);
            return;
        }
        for (int i = section[0] + 1; i < section[1]; i++) {
            String[] pair = pair(lines.get(i));
            if (pair != null && pair[0].equals(KEY)) {
                lines.set(i, KEY + "=" + token);
                return;
            }
        }
        lines.add(section[0] + 1, KEY + "=" + token);
    }

    /** @return whether there was a token to remove */
    boolean removeToken(String serverUrl) {
        int[] section = section(serverUrl);
        if (section == null) {
            return false;
        }
        for (int i = section[0] + 1; i < section[1]; i++) {
            String[] pair = pair(lines.get(i));
            if (pair != null && pair[0].equals(KEY)) {
                lines.remove(i);
                return true;
            }
        }
        return false;
    }

    void write() throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".nxcloud", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.write(temporary, lines);
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** The section's header line and the line after its last one, or null. */
    private int[] section(String serverUrl) {
        String header = "[" + escape(serverUrl) + "]";
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(header)) {
                int end = i + 1;
                while (end < lines.size() && !lines.get(end).strip().startsWith("[")) {
                    end++;
                }
                return new int[] {i, end};
            }
        }
        return null;
    }

    private static String[] pair(String line) {
        int equals = line.indexOf('=');
        String stripped = line.strip();
        if (equals < 0 || stripped.startsWith(";") || stripped.startsWith("#")) {
            return null;
        }
        return new String[] {line.substring(0, equals).strip(), line.substring(equals + 1).strip()};
    }

    /** As npm's ini package writes section names: dots escaped, because it reads them as nesting. */
    static String escape(String serverUrl) {
        return serverUrl.replace(".", "\\.");
    }
}
