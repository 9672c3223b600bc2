package dev.gatehouse.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Shows the server, whose token nxcloud.ini holds for it, and its access to the workspace in ./nx.json.")
class StatusCommand implements Callable<Integer> {

    @Mixin
    ServerOption serverOption;

    @Override
    public Integer call() {
        Server server = serverOption.server();
        NxCloudIni ini = LocalFiles.ini();
        Optional<String> token = ini.token(server.url());
        Server.Answer health = server.get("/health", null);
        System.out.println("Server:    " + server.url() + (health.status() == 200 ? " (up)" : " (HTTP " + health.status() + ")"));
        int exit = 0;
        if (token.isEmpty()) {
            System.out.println("Token:     none in " + ini.file() + "; run `gatehouse login`");
        } else {
            Server.Answer me = server.get("/api/me", token.get());
            if (me.status() == 200) {
                System.out.println("Signed in: " + me.json().getString("username") + " (token in " + ini.file() + ")");
            } else {
                System.out.println("Token:     refused: " + me.body().strip());
                exit = 1;
            }
        }
        Optional<String> nxCloudId = LocalFiles.workspace().flatMap(NxJson::nxCloudId);
        if (nxCloudId.isPresent()) {
            Server.Answer level = server.get("/api/access/" + nxCloudId.get(), exit == 0 ? token.orElse(null) : null);
            String shown = level.status() == 200 ? level.json().getString("level") : "unknown (HTTP " + level.status() + ")";
            System.out.println("Workspace: " + nxCloudId.get() + ", access " + shown);
        } else {
            System.out.println("Workspace: no nxCloudId in ./nx.json");
        }
        return exit;
    }
}
