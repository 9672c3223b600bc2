import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.Set;

/**
 * Fills one workspace of a running Gatehouse (H2 in auto-server mode) with entries as uploads would
 * have left them: a file in its folders by hash and a CACHE_ENTRY row each, written long ago. Much
 * faster than a million PUTs, and the same state. Prints a sample of the hashes for the load.
 *
 *   java -cp h2.jar Seed.java <jdbc-url> <cache-folder> <nxCloudId> <count> <bytes> <first-id> <sample-size> <sample-file>
 */
public class Seed {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        Path folder = Path.of(args[1]).resolve(args[2]);
        int count = Integer.parseInt(args[3]);
        byte[] bytes = new byte[Integer.parseInt(args[4])];
        new java.util.Random(1).nextBytes(bytes);
        long firstId = Long.parseLong(args[5]);
        int sample = Integer.parseInt(args[6]);
        StringBuilder sampled = new StringBuilder();
        Set<Path> folders = new HashSet<>();
        LocalDateTime longAgo = LocalDateTime.now().minusDays(2);
        try (Connection db = DriverManager.getConnection(url, "sa", "")) {
            db.setAutoCommit(false);
            long workspace;
            try (PreparedStatement query = db.prepareStatement("SELECT ID FROM WORKSPACE WHERE NXCLOUDID = ?")) {
                query.setString(1, args[2]);
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    workspace = row.getLong(1);
                }
            }
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO CACHE_ENTRY (ID, WORKSPACE_ID, TIER, HASH,"
                    + " SIZE_BYTES, SHA256, WRITERKIND, WRITTENBY, WRITTENAT, LASTUSEDAT) VALUES (?, ?, 'TRUSTED', ?, ?, ?,"
                    + " 'WORKSPACE_TOKEN', 'seed', ?, ?)")) {
                for (int i = 0; i < count; i++) {
                    // A bijection of 64-bit numbers: decimal hashes spread like nx's.
                    String hash = Long.toUnsignedString((firstId + i) * 0x9E3779B97F4A7C15L);
                    Path file = folder.resolve(hash.substring(0, 2)).resolve(hash.substring(2, 4)).resolve(hash);
                    if (folders.add(file.getParent())) {
                        Files.createDirectories(file.getParent());
                    }
                    Files.write(file, bytes);
                    insert.setLong(1, firstId + i);
                    insert.setLong(2, workspace);
                    insert.setString(3, hash);
                    insert.setLong(4, bytes.length);
                    insert.setString(5, "0".repeat(64));
                    Timestamp at = Timestamp.valueOf(longAgo.plusNanos(i * 1000L));
                    insert.setTimestamp(6, at);
                    insert.setTimestamp(7, at);
                    insert.addBatch();
                    if (i % 10_000 == 9_999 || i == count - 1) {
                        insert.executeBatch();
                        db.commit();
                    }
                    if (i % 100_000 == 99_999) {
                        System.err.println("  " + (i + 1) + " entries in " + args[2] + "...");
                    }
                    if (i % Math.max(1, count / sample) == 0) {
                        sampled.append(hash).append('\n');
                    }
                }
            }
        }
        Files.writeString(Path.of(args[7]), sampled);
    }
}
