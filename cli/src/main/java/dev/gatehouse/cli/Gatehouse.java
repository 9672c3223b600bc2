package dev.gatehouse.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code gatehouse}: the verbs Nx users know from {@code nx-cloud}, for a Gatehouse server. Exit
 * codes: 0 done, 1 refused (denied, expired, revoked), 2 a problem to fix first (unreachable server,
 * missing or broken file, bad input).
 */
@Command(name = "gatehouse", mixinStandardHelpOptions = true, version = "gatehouse 0.1.0",
        description = "Connects Nx workspaces to a Gatehouse server.",
        subcommands = {LoginCommand.class, LogoutCommand.class, ConfigureCommand.class, ConvertCommand.class,
                EnvCommand.class, StatusCommand.class})
public class Gatehouse implements Runnable {

    static final String DEFAULT_URL = "http://127.0.0.1:8080";

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] arguments) {
        CommandLine commandLine = new CommandLine(new Gatehouse());
        commandLine.setExecutionExceptionHandler((failure, line, parsed) -> {
            if (failure instanceof Failure known) {
                line.getErr().println(known.getMessage());
                return known.exitCode;
            }
            line.getErr().println("gatehouse failed: " + failure);
            return 2;
        });
        System.exit(commandLine.execute(arguments));
    }

    /** A failure the person can act on; its message is all they see. */
    static final class Failure extends RuntimeException {

        private static final long serialVersionUID = 1L;
        final int exitCode;

        Failure(int exitCode, String message) {
            super(message);
            this.exitCode = exitCode;
        }
    }

    static Map<String, String> environment() {
        return System.getenv();
    }

    /** The server: as given, else {@code nxCloudUrl} from ./nx.json, else the local default. */
    static String serverUrl(String given) {
        if (given != null && !given.isBlank()) {
            return given;
        }
        return workspace().flatMap(NxJson::nxCloudUrl).orElse(DEFAULT_URL);
    }

    static java.util.Optional<NxJson> workspace() {
        try {
            return NxJson.find(Path.of(""));
        } catch (IOException e) {
            throw new Failure(2, e.getMessage() + " It was not changed.");
        }
    }

    static NxCloudIni ini() {
        Path file = NxCloudIni.locate(environment());
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
