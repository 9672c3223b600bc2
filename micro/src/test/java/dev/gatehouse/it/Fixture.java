package dev.gatehouse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gatehouse.token.entity.TokenFormat;
import dev.gatehouse.workspace.entity.NxCloudId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * People and workspaces written straight into the test server's database, for tests of the cache's
 * protocol: milliseconds, where a sign-up through the pages costs two password hashes and five
 * pages. A path only tests have: the server has no way to make an account without a password (these
 * accounts hold a placeholder instead of a password hash, so they are for token requests only). Ids are taken from the sequence table as EclipseLink takes them, a block
 * of their own, and the server caches no entity, so it reads these rows like its own.
 */
final class Fixture {

    /** A workspace of its own organization, and its admin's personal access token. */
    record Workspace(long organizationId, String nxCloudId, String adminToken) {
    }

    private record Person(long accountId, String token) {
    }

    private Fixture() {
    }

    /** Read-write by id and by personal access token, as a new workspace is. */
    static Workspace workspace() throws SQLException {
        try (Connection db = transaction()) {
            Person admin = person(db);
            long organization = ids(db, 2);
            update(db, "INSERT INTO ORGANIZATION (ID, CREATEDAT, NAME) VALUES (?, ?, ?)", organization, now(),
                    "Cache org " + Browser.someone());
            join(db, admin, organization, "ADMIN");
            String nxCloudId = NxCloudId.generate();
            update(db, "INSERT INTO WORKSPACE (ID, CREATEDAT, IDACCESSLEVEL, NAME, NXCLOUDID, PATACCESSLEVEL, ORGANIZATION_ID)"
                    + " VALUES (?, ?, 'READ_WRITE', 'repo', ?, 'READ_WRITE', ?)", organization + 1, now(), nxCloudId, organization);
            db.commit();
            return new Workspace(organization, nxCloudId, admin.token());
        }
    }

    /** A member of the workspace's organization: their personal access token. */
    static String member(Workspace workspace) throws SQLException {
        try (Connection db = transaction()) {
            Person member = person(db);
            join(db, member, workspace.organizationId(), "MEMBER");
            db.commit();
            return member.token();
        }
    }

    /** Someone with an account and no membership: their personal access token. */
    static String outsider() throws SQLException {
        try (Connection db = transaction()) {
            Person outsider = person(db);
            db.commit();
            return outsider.token();
        }
    }

    /** What the workspace page's "Save access levels" stores, for tests of what the levels do. */
    static void levels(Workspace workspace, String idLevel, String patLevel) throws SQLException {
        try (Connection db = Database.connect()) {
            assertEquals(1, update(db, "UPDATE WORKSPACE SET IDACCESSLEVEL = ?, PATACCESSLEVEL = ? WHERE NXCLOUDID = ?",
                    idLevel, patLevel, workspace.nxCloudId()));
        }
    }

    /** The sequence's row stays locked from taking ids to the commit, as in EclipseLink's own step. */
    private static Connection transaction() throws SQLException {
        Connection db = Database.connect();
        db.setAutoCommit(false);
        return db;
    }

    /** An account with a personal access token that expires in 30 days. */
    private static Person person(Connection db) throws SQLException {
        long id = ids(db, 2);
        String name = Browser.someone();
        update(db, "INSERT INTO ACCOUNT (ID, CREATEDAT, EMAIL, PASSWORDHASH, USERNAME) VALUES (?, ?, ?, ?, ?)",
                id, now(), name + "@example.com", "none: made by a test fixture", name);
        String token = TokenFormat.generate(TokenFormat.PERSONAL_PREFIX);
        update(db, "INSERT INTO PERSONAL_ACCESS_TOKEN (ID, CREATEDAT, EXPIRESAT, HINT, NAME, TOKENHASH, ACCOUNT_ID)"
                + " VALUES (?, ?, ?, ?, 'nx', ?, ?)", id + 1, now(), now().plus(Duration.ofDays(30)),
                TokenFormat.hint(token), TokenFormat.hash(token), id);
        return new Person(id, token);
    }

    private static void join(Connection db, Person person, long organization, String role) throws SQLException {
        update(db, "INSERT INTO MEMBERSHIP (ID, ROLE, SINCE, ACCOUNT_ID, ORGANIZATION_ID) VALUES (?, ?, ?, ?, ?)",
                ids(db, 1), role, now(), person.accountId(), organization);
    }

    /** The first of {@code count} ids no one else gets: EclipseLink's own step, with a smaller block. */
    private static long ids(Connection db, int count) throws SQLException {
        assertEquals(1, update(db, "UPDATE SEQUENCE SET SEQ_COUNT = SEQ_COUNT + ? WHERE SEQ_NAME = 'SEQ_GEN_TABLE'", count));
        try (PreparedStatement query = db.prepareStatement("SELECT SEQ_COUNT FROM SEQUENCE WHERE SEQ_NAME = 'SEQ_GEN_TABLE'");
             ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1) - count + 1;
        }
    }

    private static int update(Connection db, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            return statement.executeUpdate();
        }
    }

    /** As the server stores an instant: its UTC wall time. */
    private static LocalDateTime now() {
        return LocalDateTime.ofInstant(Instant.now(), ZoneOffset.UTC);
    }
}
