package dev.gatehouse.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The CLI's runnable jar, run as a person would, with a home folder and working folder of its own. */
final class Cli {

    private final Path home;
    private final Path workspace;

    Cli(Path folder) throws IOException {
        this.home = folder.resolve("home");
        this.workspace = folder.resolve("workspace");
        Files.createDirectories(home);
        Files.createDirectories(workspace);
    }

    Path home() {
        return home;
    }

    Path workspace() {
        return workspace;
    }

    Path ini() {
        return home.resolve(".config/nxcloud/nxcloud.ini");
    }

    Running start(String... arguments) throws IOException {
        return new Running(process(arguments));
    }

    private Process process(String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of("java", "-jar", System.getProperty("gatehouse.cliJar")));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workspace.toFile()).redirectErrorStream(true);
        builder.environment().put("HOME", home.toString());
        builder.environment().remove("XDG_CONFIG_HOME");
        return builder.start();
    }

    /** Runs to the end; returns the exit code and everything printed. */
    Result run(String... arguments) throws Exception {
        Process process = process(arguments);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "the CLI finished");
        return new Result(process.exitValue(), output);
    }

    record Result(int exitCode, String output) {
    }

    /** A CLI still running, read line by line as it prints. */
    static final class Running {

        private final Process process;
        private final BufferedReader lines;
        private final StringBuilder seen = new StringBuilder();

        Running(Process process) {
            this.process = process;
            this.lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }

        /** Reads up to the line with the approval address, and returns that address. */
        String approvalAddress() throws IOException {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                seen.append(line).append('\n');
                if (line.strip().startsWith("http") && line.contains("/approve?code=")) {
                    return line.strip();
                }
            }
            throw new AssertionError("the CLI printed no approval address:\n" + seen);
        }

        /** Reads the rest, waits for the end, and returns everything printed. */
        Result finish() throws Exception {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                seen.append(line).append('\n');
            }
            assertTrue(process.waitFor(1, TimeUnit.MINUTES), "the CLI finished:\n" + seen);
            return new Result(process.exitValue(), seen.toString());
        }
    }
}
