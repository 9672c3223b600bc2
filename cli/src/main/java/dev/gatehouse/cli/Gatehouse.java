package dev.gatehouse.cli;

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
}
