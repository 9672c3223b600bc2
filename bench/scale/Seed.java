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
            // Rows go in by the hundred thousand through CSVREAD, which the server runs itself: one
            // statement instead of a round trip per row.
            Path csv = Files.createTempFile("seed", ".csv");
            StringBuilder rows = new StringBuilder("ID,HASH,AT\n");
            for (int i = 0; i < count; i++) {
                // A bijection of 64-bit numbers: decimal hashes spread like nx's.
                String hash = Long.toUnsignedString((firstId + i) * 0x9E3779B97F4A7C15L);
                Path file = folder.resolve(hash.substring(0, 2)).resolve(hash.substring(2, 4)).resolve(hash);
                if (folders.add(file.getParent())) {
                    Files.createDirectories(file.getParent());
                }
                Files.write(file, bytes);
                rows.append(firstId + i).append(',').append(hash).append(',')
                        .append(Timestamp.valueOf(longAgo.plusNanos(i * 1000L))).append('\n');
                if (i % 100_000 == 99_999 || i == count - 1) {
                    Files.writeString(csv, rows);
                    rows.setLength(0);
                    rows.append("ID,HASH,AT\n");
                    try (PreparedStatement insert = db.prepareStatement("INSERT INTO CACHE_ENTRY (ID, WORKSPACE_ID, TIER,"
                            + " HASH, SIZE_BYTES, SHA256, WRITERKIND, WRITTENBY, WRITTENAT, LASTUSEDAT) SELECT CAST(ID AS"
                            + " BIGINT), ?, 'TRUSTED', HASH, ?, ?, 'WORKSPACE_TOKEN', 'seed', CAST(AT AS TIMESTAMP),"
                            + " CAST(AT AS TIMESTAMP) FROM CSVREAD('" + csv + "')")) {
                        insert.setLong(1, workspace);
                        insert.setLong(2, bytes.length);
                        insert.setString(3, "0".repeat(64));
                        insert.executeUpdate();
                    }
                    db.commit();
                    System.err.println("  " + (i + 1) + " entries in " + args[2] + "...");
                }
                if (i % Math.max(1, count / sample) == 0) {
                    sampled.append(hash).append('\n');
                }
            }
            Files.delete(csv);
        }
        Files.writeString(Path.of(args[7]), sampled);
    }
}
