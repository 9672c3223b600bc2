package dev.gatehouse.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "configure", mixinStandardHelpOptions = true,
        description = "Saves a personal access token you created on your profile page in nxcloud.ini.")
class ConfigureCommand implements Callable<Integer> {

    @Option(names = "--personal-access-token", required = true, paramLabel = "PAT", description = "The token, gatehouse_pat_…")
    String token;

    @Mixin
    ServerOption serverOption;

    @Override
    public Integer call() {
        String pat = token.strip();
        if (!pat.matches("gatehouse_pat_[0-9A-Za-z]{38}")) {
            throw new Failure(2, "That is not a Gatehouse personal access token: they are gatehouse_pat_ and 38 letters"
                    + " and digits. Copy it again from your profile page.");
        }
        Server server = serverOption.server();
        NxCloudIni ini = LocalFiles.ini();
        ini.putToken(server.url(), pat);
        LocalFiles.save(ini);
        System.out.println("Saved the token for " + server.url() + " in " + ini.file().toAbsolutePath());
        return 0;
    }
}
