package dev.gatehouse.security.web;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import javax.sql.DataSource;

/**
 * Connections for the cache's one read per request, kept open between requests with their
 * statements prepared once. They come straight from the configured database, not from the
 * container's pool: the read needs no transaction, and the pool's bookkeeping was a third of the
 * read's cost (bench/RESULTS.md). Every statement runs in auto-commit, so it sees every commit made
 * before it: a revocation still holds for the very next request. A connection that failed once is
 * closed, never reused.
 */
final class LookupConnections implements AutoCloseable {

    /** About the HTTP worker threads of a small server; more concurrent reads open and close their own. */
    private static final int KEPT = 8;

    private final DataSource database;
    private final BlockingQueue<Held> idle = new ArrayBlockingQueue<>(KEPT);
    private volatile boolean closed;

    LookupConnections(DataSource database) {
        this.database = database;
    }

    interface Read<T> {
        T on(Held connection) throws SQLException;
    }

    <T> T read(Read<T> read) throws SQLException {
        Held held = idle.poll();
        if (held == null) {
            held = new Held(database.getConnection());
        }
        T result;
        try {
            result = read.on(held);
        } catch (SQLException | RuntimeException failed) {
            held.close();
            throw failed;
        }
        if (closed || !idle.offer(held)) {
            held.close();
        }
        return result;
    }

    @Override
    public void close() {
        closed = true;
        for (Held held = idle.poll(); held != null; held = idle.poll()) {
            held.close();
        }
    }

    /** One open connection and the statements prepared on it. */
    static final class Held {

        private final Connection connection;
        private final Map<String, PreparedStatement> statements = new HashMap<>();

        private Held(Connection connection) {
            this.connection = connection;
        }

        PreparedStatement statement(String sql) throws SQLException {
            PreparedStatement statement = statements.get(sql);
            if (statement == null) {
                statement = connection.prepareStatement(sql);
                statements.put(sql, statement);
            }
            return statement;
        }

        private void close() {
            try {
                connection.close();
            } catch (SQLException alreadyBroken) {
                // Nothing to keep and nothing to tell: it is dropped either way.
            }
        }
    }
}
