import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Cache hits at a fixed rate from a fixed number of threads, each request's start and latency recorded, while the
 * server is quiet and then while its eviction removes a workspace's entries: a lower storage limit
 * is written to the database, and the entries are counted every 200 ms to see when the eviction
 * starts and ends (its last removal, once nothing changed for 10 s). Prints the p50 and p99 of the
 * hits started in each window. Bounded: it stops after the eviction or after the given number of
 * seconds, whichever comes first.
 *
 *   java -cp h2.jar Hits.java <base-url> <token> <hashes-file> <threads> <quiet-seconds> <jdbc-url> <evicted nxCloudId> <limit-bytes> <max-seconds> <requests-per-second>
 */
public class Hits {

    record Sample(long start, long nanos, int status) {
    }

    public static void main(String[] args) throws Exception {
        List<String> hashes = Files.readAllLines(Path.of(args[2]));
        int threads = Integer.parseInt(args[3]);
        int rate = Integer.parseInt(args[9]);
        long quietNanos = Duration.ofSeconds(Long.parseLong(args[4])).toNanos();
        long maxNanos = Duration.ofSeconds(Long.parseLong(args[8])).toNanos();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        AtomicBoolean running = new AtomicBoolean(true);
        List<List<Sample>> perThread = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            List<Sample> samples = new ArrayList<>();
            perThread.add(samples);
            Thread worker = new Thread(() -> {
                // Paced, not as fast as the server answers: a server kept at full load starves any
                // background work of CPU, and its latency then measures its queue, not the eviction.
                long interval = 1_000_000_000L * threads / rate;
                for (long next = System.nanoTime(); running.get(); next += interval) {
                    long early = next - System.nanoTime();
                    if (early > 0) {
                        java.util.concurrent.locks.LockSupport.parkNanos(early);
                    }
                    String hash = hashes.get(ThreadLocalRandom.current().nextInt(hashes.size()));
                    HttpRequest request = HttpRequest.newBuilder(URI.create(args[0] + hash))
                            .header("Authorization", "Bearer " + args[1]).build();
                    long start = System.nanoTime();
                    int status;
                    try {
                        status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (Exception e) {
                        status = -1;
                    }
                    samples.add(new Sample(start, System.nanoTime() - start, status));
                }
            });
            worker.start();
            workers.add(worker);
        }
        long began = System.nanoTime();
        Thread.sleep(10_000); // warm-up, not counted
        long quietFrom = System.nanoTime();
        Thread.sleep(quietNanos / 1_000_000);
        long quietTo = System.nanoTime();
        long evictFrom = 0;
        long evictTo = 0;
        try (Connection db = DriverManager.getConnection(args[5], "sa", "")) {
            long workspace;
            try (PreparedStatement id = db.prepareStatement("SELECT ID FROM WORKSPACE WHERE NXCLOUDID = ?")) {
                id.setString(1, args[6]);
                try (ResultSet row = id.executeQuery()) {
                    row.next();
                    workspace = row.getLong(1);
                }
            }
            long before = count(db, workspace);
            try (PreparedStatement limit = db.prepareStatement("UPDATE WORKSPACE SET CACHELIMIT = ? WHERE ID = ?")) {
                limit.setLong(1, Long.parseLong(args[7]));
                limit.setLong(2, workspace);
                limit.executeUpdate();
            }
            long last = before;
            long unchangedSince = 0;
            while (System.nanoTime() - began < maxNanos) {
                Thread.sleep(200);
                long now = count(db, workspace);
                long at = System.nanoTime();
                if (now != last) {
                    if (evictFrom == 0) {
                        evictFrom = at - 200_000_000L;
                    }
                    last = now;
                    unchangedSince = at;
                } else if (evictFrom != 0 && at - unchangedSince > 10_000_000_000L) {
                    evictTo = unchangedSince;
                    break;
                }
            }
            System.out.printf("eviction: %d -> %d entries of workspace %s%n", before, last, args[6]);
        }
        Thread.sleep(1000);
        running.set(false);
        for (Thread worker : workers) {
            worker.join();
        }
        List<Sample> all = new ArrayList<>();
        perThread.forEach(all::addAll);
        long errors = all.stream().filter(sample -> sample.status() != 200).count();
        System.out.printf("requests: %d, not 200: %d%n", all.size(), errors);
        double quietP99 = report("quiet", all, quietFrom, quietTo);
        if (evictFrom == 0 || evictTo == 0) {
            System.out.println("the eviction was not seen to start and end within the time allowed");
            System.exit(1);
        }
        double evictP99 = report("during eviction", all, evictFrom, evictTo);
        System.out.printf("eviction took %.1f s; p99 during eviction / quiet p99 = %.2f%n", (evictTo - evictFrom) / 1e9,
                evictP99 / quietP99);
    }

    private static long count(Connection db, long workspace) throws Exception {
        try (PreparedStatement count = db.prepareStatement("SELECT COUNT(*) FROM CACHE_ENTRY WHERE WORKSPACE_ID = ?")) {
            count.setLong(1, workspace);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static double report(String window, List<Sample> all, long from, long to) {
        long[] nanos = all.stream().filter(s -> s.start() >= from && s.start() < to).mapToLong(Sample::nanos).sorted().toArray();
        double seconds = (to - from) / 1e9;
        double p50 = nanos[nanos.length / 2] / 1e6;
        double p99 = nanos[(int) (nanos.length * 0.99)] / 1e6;
        System.out.printf("%s: %.1f s, %d hits, %.0f req/s, p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", window, seconds,
                nanos.length, nanos.length / seconds, p50, p99, nanos[nanos.length - 1] / 1e6);
        return p99;
    }
}
