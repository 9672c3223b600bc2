package dev.gatehouse.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * S3Proxy, a real S3 API server, on 127.0.0.1 with its file-system backend, as a process of its own
 * (module {@code s3proxy} writes its classpath). Every object of {@link #BUCKET} is a file under
 * {@link #objects()}, so a test can see what the bucket holds without an S3 client.
 */
public final class S3Proxy implements AutoCloseable {

    public static final String BUCKET = "gatehouse-artifacts";
    private static final Path CLASSPATH = Path.of("..", "s3proxy", "target", "s3proxy.classpath");

    private final Path folder;
    private final int port;
    private Process process;

    private S3Proxy(Path folder, int port) {
        this.folder = folder;
        this.port = port;
    }

    /** Starts S3Proxy with an empty bucket, in a folder of the caller's. */
    public static S3Proxy start(Path folder) throws IOException, InterruptedException {
        Files.createDirectories(folder.resolve("blobs").resolve(BUCKET));
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Files.writeString(folder.resolve("s3proxy.conf"), String.join("\n",
                "s3proxy.endpoint=http://127.0.0.1:" + port,
                "s3proxy.authorization=none",
                "jclouds.provider=filesystem",
                "jclouds.filesystem.basedir=" + folder.resolve("blobs"), ""));
        // Without a configuration logback logs every byte at DEBUG.
        Files.writeString(folder.resolve("logback.xml"), """
                <configuration>
                  <appender name="out" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>%d %level %logger{20} %msg%n</pattern></encoder>
                  </appender>
                  <root level="WARN"><appender-ref ref="out"/></root>
                </configuration>
                """);
        S3Proxy proxy = new S3Proxy(folder, port);
        proxy.run();
        return proxy;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Where the bucket's objects are files, named by their keys. */
    public Path objects() {
        return folder.resolve("blobs").resolve(BUCKET);
    }

    /** The keys of the bucket's objects. */
    public Stream<String> keys() throws IOException {
        try (Stream<Path> files = Files.walk(objects())) {
            return files.filter(Files::isRegularFile).map(file -> objects().relativize(file).toString()).toList().stream();
        }
    }

    /** As an outage would: the store stops answering. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** Back on the same address, with what the bucket held. */
    public void run() throws IOException, InterruptedException {
        String classpath = Files.readString(CLASSPATH, StandardCharsets.UTF_8).strip();
        process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Dlogback.configurationFile=" + folder.resolve("logback.xml"), "-cp", classpath,
                "org.gaul.s3proxy.Main", "--properties", folder.resolve("s3proxy.conf").toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(folder.resolve("s3proxy.out").toFile()))
                .start();
        for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60); ; Thread.sleep(100)) {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IOException("S3Proxy did not start: " + Files.readString(folder.resolve("s3proxy.out")));
                }
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            stop();
        }
    }
}
