package dev.gatehouse.security.web;

import dev.gatehouse.token.entity.TokenFormat;
import dev.gatehouse.token.entity.TokenStatus;
import dev.gatehouse.workspace.entity.AccessLevel;
import dev.gatehouse.workspace.entity.Requester;
import dev.gatehouse.workspace.entity.Workspace;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The cache's one read per request: the presented token, its owner, the workspace in the path and
 * the owner's membership there, in one indexed statement, fed to the access decision
 * ({@link Workspace#levelFor(String, AccessLevel, AccessLevel, Requester)}) and the trust decision
 * ({@link Workspace#trusts(String, boolean, Requester)}). Plain JDBC on the
 * application's database ({@link LookupConnections}), because this is the hot path and the same read
 * through JPA costs two to two and a half times as much here; the tables stay JPA entities
 * everywhere else. Read fresh on every request, so a revocation, a removal or a level change holds for the very next one, on
 * every node. A revoked or expired token is told so from the same read.
 */
final class CacheAccessLookup {

    private static final String PERSONAL = "SELECT t.ID, t.REVOKEDAT, t.EXPIRESAT, t.LASTUSEDAT, t.TOKENHASH, a.USERNAME,"
            + " w.IDACCESSLEVEL, w.PATACCESSLEVEL, w.MEMBERSUPLOADSTRUSTED, (SELECT COUNT(*) FROM MEMBERSHIP m"
            + " WHERE m.ORGANIZATION_ID = w.ORGANIZATION_ID AND m.ACCOUNT_ID = t.ACCOUNT_ID)"
            + " FROM PERSONAL_ACCESS_TOKEN t JOIN ACCOUNT a ON a.ID = t.ACCOUNT_ID"
            + " LEFT JOIN WORKSPACE w ON w.NXCLOUDID = ? WHERE t.TOKENHASH = ?";
    private static final String WORKSPACE_TOKEN = "SELECT t.NAME, t.LEVEL, t.TOKENHASH, w.NXCLOUDID, t.ID"
            + " FROM WORKSPACE_ACCESS_TOKEN t JOIN WORKSPACE w ON w.ID = t.WORKSPACE_ID"
            + " WHERE t.TOKENHASH = ? AND t.REVOKEDAT IS NULL";
    private static final String ANONYMOUS = "SELECT IDACCESSLEVEL FROM WORKSPACE WHERE NXCLOUDID = ?";

    private final LookupConnections connections;

    CacheAccessLookup(LookupConnections connections) {
        this.connections = connections;
    }

    /**
     * A personal access token: whether it may be used, its owner, its last use, and its owner's level
     * here and whether the workspace trusts them.
     */
    record PersonalToken(long id, TokenStatus status, Instant expiresAt, String username, Instant lastUsedAt,
            AccessLevel level, boolean trusted) {
    }

    /** A workspace access token that is not revoked: its name, its level here, and whether it is trusted here. */
    record WorkspaceToken(long id, String name, AccessLevel level, boolean trusted) {
    }

    /** Empty when this server does not know the token. */
    Optional<PersonalToken> personal(String presented, String nxCloudId, Instant now) throws SQLException {
        String hash = TokenFormat.hash(presented);
        return connections.read(held -> {
            PreparedStatement query = held.statement(PERSONAL);
            query.setString(1, nxCloudId);
            query.setString(2, hash);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next() || !TokenFormat.sameHash(row.getString(5), hash)) {
                    return Optional.empty();
                }
                Instant expires = instant(row, 3);
                TokenStatus status = row.getObject(2) != null ? TokenStatus.REVOKED
                        : expires != null && !now.isBefore(expires) ? TokenStatus.EXPIRED : TokenStatus.ACTIVE;
                String idLevel = row.getString(7);
                Requester owner = Requester.pat(row.getLong(10) > 0);
                AccessLevel level = idLevel == null ? AccessLevel.NONE : Workspace.levelFor(nxCloudId,
                        AccessLevel.valueOf(idLevel), AccessLevel.valueOf(row.getString(8)), owner);
                boolean trusted = idLevel != null && Workspace.trusts(nxCloudId, row.getBoolean(9), owner);
                return Optional.of(new PersonalToken(row.getLong(1), status, expires, row.getString(6), instant(row, 4),
                        level, trusted));
            }
        });
    }

    Optional<WorkspaceToken> workspaceToken(String presented, String nxCloudId) throws SQLException {
        String hash = TokenFormat.hash(presented);
        return connections.read(held -> {
            PreparedStatement query = held.statement(WORKSPACE_TOKEN);
            query.setString(1, hash);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next() || !TokenFormat.sameHash(row.getString(3), hash)) {
                    return Optional.empty();
                }
                // Its own level on its own workspace, none elsewhere: the workspace's own levels play no part.
                Requester holder = Requester.workspaceToken(row.getString(4), AccessLevel.valueOf(row.getString(2)));
                return Optional.of(new WorkspaceToken(row.getLong(5), row.getString(1),
                        Workspace.levelFor(nxCloudId, AccessLevel.NONE, AccessLevel.NONE, holder),
                        Workspace.trusts(nxCloudId, false, holder)));
            }
        });
    }

    /** The level of a caller without a token: the workspace's ID level, NONE for an unknown id. */
    AccessLevel anonymous(String nxCloudId) throws SQLException {
        return connections.read(held -> {
            PreparedStatement query = held.statement(ANONYMOUS);
            query.setString(1, nxCloudId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? AccessLevel.valueOf(row.getString(1)) : AccessLevel.NONE;
            }
        });
    }

    /** Timestamps are UTC without a zone, as {@code config.InstantConverter} writes them. */
    private static Instant instant(ResultSet row, int column) throws SQLException {
        LocalDateTime utc = row.getObject(column, LocalDateTime.class);
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }
}
