package dev.gatehouse.it;

import fish.payara.arquillian.container.payara.managed.PayaraMicroContainerConfiguration;
import fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.container.LifecycleException;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.shrinkwrap.api.Archive;

/**
 * One Payara Micro for every test class that deploys Gatehouse. Payara's container starts a Micro
 * per deployment, that is per test class, at about 20 s each; this one keeps the first running for the
 * classes after it and ends it with the test run. The classes share one server as they always shared
 * its data folder and database: each makes its own accounts and workspaces, and the throttle tests
 * come from loopback addresses of their own. The counts of 127.0.0.1 are shared by all classes (30
 * failed log-ins, 20 CLI log-in requests in 15 minutes): a test that spends many takes its own address.
 * It starts with the options the launcher starts with ({@code src/main/payara/micro.options}: no
 * phone-home), besides those of {@code arquillian.xml}.
 */
public class SharedMicro extends PayaraMicroDeployableContainer {

    /** Beside the preboot commands, whose path the build hands to the tests. */
    private static final Path GUARDS = Path.of(System.getProperty("gatehouse.preboot")).resolveSibling("micro.options");

    private Archive<?> deployed;
    private ProtocolMetaData running;

    @Override
    public void setup(PayaraMicroContainerConfiguration configuration) {
        List<String> guards = guards();
        configuration.setCmdOptions(joined(configuration.getCmdOptions(), guards, "-D"));
        configuration.setExtraMicroOptions(joined(configuration.getExtraMicroOptions(), guards, "--"));
        super.setup(configuration);
    }

    private static List<String> guards() {
        try {
            return Files.readAllLines(GUARDS).stream().map(String::strip).collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String joined(String configured, List<String> guards, String kind) {
        return guards.stream().filter(option -> option.startsWith(kind))
                .collect(Collectors.joining(" ", configured == null ? "" : configured + " ", ""));
    }

    @Override
    public ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
        if (running != null && !deployed.getName().equals(archive.getName())) {
            throw new DeploymentException("One shared Micro runs " + deployed.getName() + ", not " + archive.getName());
        }
        if (running != null && !answers(running)) {
            // It died under an earlier class: this class gets a new one, not "connection refused".
            running = null;
            super.undeploy(deployed);
        }
        if (running == null) {
            try {
                running = super.deploy(archive);
                deployed = archive;
            } catch (DeploymentException | RuntimeException failed) {
                // Payara's container leaves a Micro that never became ready running; a later class
                // would start a second one beside it.
                try {
                    super.undeploy(archive);
                } catch (RuntimeException notStarted) {
                    failed.addSuppressed(notStarted);
                }
                throw failed;
            }
        }
        return running;
    }

    private static boolean answers(ProtocolMetaData running) {
        HTTPContext http = running.getContexts(HTTPContext.class).iterator().next();
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress(http.getHost(), http.getPort()), 2000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    @Override
    public void undeploy(Archive<?> archive) {
        // kept for the next test class; stop() ends it
    }

    @Override
    public void stop() throws LifecycleException {
        if (running != null) {
            running = null;
            try {
                super.undeploy(deployed);
            } catch (DeploymentException e) {
                throw new LifecycleException("The shared Micro did not stop", e);
            }
        }
    }

    /** Put in place of Payara's container by {@code META-INF/services}. */
    public static class Extension implements LoadableExtension {

        @Override
        public void register(ExtensionBuilder builder) {
            builder.override(DeployableContainer.class, PayaraMicroDeployableContainer.class, SharedMicro.class);
        }
    }
}
