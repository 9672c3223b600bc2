package dev.gatehouse.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The test server's heap as the JDK's own {@code jcmd} reads it: the Payara Micro that Arquillian
 * started is a child of this test JVM, found by its command line and the port it serves.
 */
final class ServerHeap {

    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    private final long pid;

    private ServerHeap(long pid) {
        this.pid = pid;
    }

    static ServerHeap of(int port) {
        return new ServerHeap(ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().orElse("").contains("payara-micro"))
                .findFirst().orElseThrow(() -> new AssertionError("no Payara Micro among this JVM's children"))
                .pid());
    }

    /** Bytes in use after a full collection. */
    long usedAfterFullGc() throws IOException, InterruptedException {
        jcmd("GC.run");
        Matcher used = USED.matcher(jcmd("GC.heap_info"));
        if (!used.find()) {
            throw new AssertionError("jcmd printed no heap use");
        }
        return Long.parseLong(used.group(1)) * 1024;
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        String jcmd = java.substring(0, java.length() - "java".length()) + "jcmd";
        Process process = new ProcessBuilder(jcmd, String.valueOf(pid), command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError("jcmd " + command + " failed: " + out);
        }
        return out;
    }
}
