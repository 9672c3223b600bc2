package dev.gatehouse.cli;

import jakarta.json.Json;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "convert-to-nx-cloud-id", mixinStandardHelpOptions = true,
        description = "Replaces the legacy nxCloudAccessToken in ./nx.json with the nxCloudId of its workspace.")
class ConvertCommand implements Callable<Integer> {

    @Mixin
    ServerOption serverOption;

    @Override
    public Integer call() throws IOException {
        NxJson nxJson = LocalFiles.workspace().orElseThrow(() ->
                new Failure(2, "There is no nx.json here: run this in the root folder of an Nx workspace."));
        String token = nxJson.legacyAccessToken().orElseThrow(() -> new Failure(2, nxJson.file()
                + " has no nxCloudAccessToken to convert" + nxJson.nxCloudId().map(id -> "; it uses nxCloudId " + id + " already.").orElse(".")));
        Server server = serverOption.server();
        Server.Answer answer = server.postForm("/api/workspace-tokens/lookup", Map.of("token", token));
        if (answer.status() == 404) {
            throw new Failure(1, "The server at " + server.url() + " knows no active workspace access token like the one in "
                    + nxJson.file() + ". It was not changed.");
        }
        if (answer.status() != 200) {
            throw new Failure(2, "The server did not answer the lookup (HTTP " + answer.status() + "). " + nxJson.file() + " was not changed.");
        }
        String nxCloudId = answer.json().getString("nxCloudId");
        String converted = NxJson.withNxCloudId(Files.readString(nxJson.file()), token, nxCloudId);
        try (JsonReader check = Json.createReader(new StringReader(converted))) {
            check.readObject();
        }
        Path temporary = Files.createTempFile(nxJson.file().toAbsolutePath().getParent(), ".nx", ".json");
        Files.writeString(temporary, converted);
        Files.move(temporary, nxJson.file(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.println("Replaced nxCloudAccessToken with \"nxCloudId\": \"" + nxCloudId + "\" in " + nxJson.file() + ".");
        System.out.println("The token still works, but belongs in your CI's secrets, not in the repository: set it there as"
                + " NX_SELF_HOSTED_REMOTE_CACHE_ACCESS_TOKEN, and remove it from the repository's history if it was public.");
        return 0;
    }
}
