package dev.gatehouse.cli;

import picocli.CommandLine.Option;

/** The {@code --url} every verb but {@code login} takes, with the same default everywhere. */
class ServerOption {

    @Option(names = {"--url", "--nx-cloud-url"}, description = "The Gatehouse server. Default: nxCloudUrl in ./nx.json, else "
            + LocalFiles.DEFAULT_URL + ".")
    String url;

    Server server() {
        return new Server(LocalFiles.serverUrl(url));
    }
}
