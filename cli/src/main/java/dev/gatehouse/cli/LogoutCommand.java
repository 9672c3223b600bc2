package dev.gatehouse.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "logout", mixinStandardHelpOptions = true,
        description = "Revokes your personal access token on the server and removes it from nxcloud.ini.")
class LogoutCommand implements Callable<Integer> {

    @Mixin
    ServerOption serverOption;

    @Override
    public Integer call() {
        Server server = serverOption.server();
        NxCloudIni ini = LocalFiles.ini();
        String token = ini.token(server.url()).orElseThrow(() ->
                new Failure(1, "There is no token for " + server.url() + " in " + ini.file() + "; you are logged out already."));
        Server.Answer answer = server.delete("/api/tokens/current", token);
        if (answer.status() == 401) {
            System.out.println("The server no longer accepts this token (" + answer.body().strip() + ").");
        } else if (answer.status() != 200) {
            throw new Failure(2, "The server did not revoke the token (HTTP " + answer.status() + "): " + answer.body().strip()
                    + " It is still in " + ini.file() + ".");
        }
        ini.removeToken(server.url());
        LocalFiles.save(ini);
        System.out.println("Logged out: the token is revoked and removed from " + ini.file().toAbsolutePath());
        return 0;
    }
}
