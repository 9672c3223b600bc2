package dev.gatehouse.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "env", mixinStandardHelpOptions = true,
        description = {"Prints the shell exports that point nx at Gatehouse for the workspace in ./nx.json.",
                "Use it as: eval \"$(gatehouse env)\" && npx nx build app"})
class EnvCommand implements Callable<Integer> {

    @Mixin
    ServerOption serverOption;

    @Override
    public Integer call() {
        NxJson nxJson = LocalFiles.workspace().orElseThrow(() ->
                new Failure(2, "There is no nx.json here: run this in the root folder of an Nx workspace."));
        String nxCloudId = nxJson.nxCloudId().orElseThrow(() -> new Failure(2, nxJson.file()
                + " has no nxCloudId. Create a workspace in Gatehouse and paste its { \"nxCloudId\": \"…\" } there."));
        if (!NxJson.isWellFormedId(nxCloudId)) {
            throw new Failure(2, "The nxCloudId in " + nxJson.file() + " is not 24 letters and digits; nothing was printed."
                    + " Paste the id from the workspace's page in Gatehouse.");
        }
        Server server = serverOption.server();
        NxCloudIni ini = LocalFiles.ini();
        Optional<String> token = ini.token(server.url());
        System.out.println("export NX_SELF_HOSTED_REMOTE_CACHE_SERVER=" + quoted(server.url() + "/nx/" + nxCloudId));
        if (token.isPresent()) {
            System.out.println("export NX_SELF_HOSTED_REMOTE_CACHE_ACCESS_TOKEN=" + quoted(token.get()));
        } else {
            System.out.println("unset NX_SELF_HOSTED_REMOTE_CACHE_ACCESS_TOKEN");
            System.err.println("No token for " + server.url() + " in " + ini.file()
                    + ": nx gets the workspace's ID access level. Run `gatehouse login` for more.");
        }
        System.out.println("export NX_NO_CLOUD=true");
        return 0;
    }

    /** One single-quoted shell word, whatever the text: the output is meant for eval. */
    static String quoted(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
