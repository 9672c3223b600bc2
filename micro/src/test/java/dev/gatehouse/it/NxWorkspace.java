package dev.gatehouse.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away Nx workspace with the real {@code nx} client from npm, one project and one cacheable
 * target whose output holds random bytes, so that a restored output is recognisably the stored
 * one. npm, nx and their caches see a home folder of their own, never the user's.
 */
final class NxWorkspace {

    static final String NX_VERSION = "24.0.6";

    private final Path root;
    private final Path home;
    /** Whether nx loads Gatehouse's own client from the server in nx.json, as after `npx nx login`. */
    private boolean throughClient;

    /** What one nx run printed and how it ended. */
    record Run(int exitCode, String output) {
    }

    private NxWorkspace(Path root) {
        // Absolute: nx and its client run in the workspace and resolve HOME and XDG_CONFIG_HOME from there.
        this.root = root.toAbsolutePath();
        this.home = this.root.resolveSibling(this.root.getFileName() + "-home");
    }

    static NxWorkspace create(Path folder, String nxCloudId) throws Exception {
        NxWorkspace workspace = new NxWorkspace(folder);
        workspace.delete();
        Files.createDirectories(folder.resolve("apps/app/src"));
        Files.createDirectories(workspace.home);
        workspace.write("package.json", "{\"name\":\"gatehouse-e2e\",\"private\":true,"
                + "\"devDependencies\":{\"nx\":\"" + NX_VERSION + "\"}}");
        workspace.write("nx.json", "{\"nxCloudId\":\"" + nxCloudId + "\"}");
        workspace.write("apps/app/project.json", "{\"name\":\"app\",\"targets\":{\"build\":{"
                + "\"command\":\"node build.js\",\"options\":{\"cwd\":\"apps/app\"},"
                + "\"inputs\":[\"{projectRoot}/src/**/*\",\"{projectRoot}/build.js\"],"
                + "\"outputs\":[\"{projectRoot}/dist\"],\"cache\":true}}}");
        workspace.write("apps/app/build.js", "const fs = require('fs'); const crypto = require('crypto');"
                + "fs.mkdirSync('dist', {recursive: true});"
                + "fs.writeFileSync('dist/out.bin', Buffer.concat([fs.readFileSync('src/input.txt'), crypto.randomBytes(4096)]));");
        workspace.input("first");
        Process install = workspace.process(Map.of(), "npm", "install", "--no-audit", "--no-fund", "--loglevel=error").start();
        String installed = new String(install.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(install.waitFor(8, TimeUnit.MINUTES), "npm install finished in time");
        assertTrue(install.exitValue() == 0, "npm install nx@" + NX_VERSION + ":\n" + installed);
        return workspace;
    }

    /** Only the id in nx.json, and the cache named by the variables each run is given. */
    void plain(String nxCloudId) throws IOException {
        write("nx.json", "{\"nxCloudId\":\"" + nxCloudId + "\"}");
        throughClient = false;
    }

    /**
     * Names the server in nx.json, as the source document's setup does, and lets nx load its client
     * from there: no NX_NO_CLOUD from now on.
     */
    void connect(String nxCloudId, String nxCloudUrl) throws IOException {
        write("nx.json", "{\"nxCloudId\":\"" + nxCloudId + "\",\"nxCloudUrl\":\"" + nxCloudUrl + "\"}");
        throughClient = true;
    }

    /** The legacy nx.json of a workspace connected before nxCloudId: a workspace access token in the repository. */
    void legacy(String nxCloudAccessToken, String nxCloudUrl) throws IOException {
        write("nx.json", "{\"nxCloudAccessToken\":\"" + nxCloudAccessToken + "\",\"nxCloudUrl\":\"" + nxCloudUrl + "\"}");
        throughClient = true;
    }

    Path home() {
        return home;
    }

    Path root() {
        return root;
    }

    /** nx or npx nx-cloud, still running, for a command that waits for a person (nx login). */
    Cli.Running start(String... command) throws IOException {
        return new Cli.Running(process(Map.of(), command).start());
    }

    void input(String text) throws IOException {
        write("apps/app/src/input.txt", text);
    }

    Path output() {
        return root.resolve("apps/app/dist/out.bin");
    }

    /** Runs the build as a developer would after a fresh clone: no local cache, no previous output. */
    Run buildFromScratch(Map<String, String> environment) throws Exception {
        nx(environment, "reset");
        deleteTree(root.resolve(".nx"));
        deleteTree(root.resolve("apps/app/dist"));
        return nx(environment, "run", "app:build", "--outputStyle=static");
    }

    Run nx(Map<String, String> environment, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("npx", "--no-install", "nx"));
        command.addAll(List.of(arguments));
        Process nx = process(environment, command.toArray(String[]::new)).start();
        String output = new String(nx.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(nx.waitFor(3, TimeUnit.MINUTES), "nx finished in time");
        return new Run(nx.exitValue(), output);
    }

    private ProcessBuilder process(Map<String, String> environment, String... command) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(key -> key.startsWith("NX_"));
        env.put("HOME", home.toString());
        env.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        env.put("XDG_CACHE_HOME", home.resolve(".cache").toString());
        env.put("npm_config_cache", home.resolve(".npm").toString());
        if (!throughClient) {
            env.put("NX_NO_CLOUD", "true");
        }
        env.put("NX_DAEMON", "false");
        env.put("NX_TUI", "false");
        env.put("CI", "true");
        env.putAll(environment);
        return builder;
    }

    private void write(String file, String content) throws IOException {
        Files.writeString(root.resolve(file), content);
    }

    void delete() throws IOException {
        deleteTree(root);
        deleteTree(home);
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(file);
            }
        }
    }
}
