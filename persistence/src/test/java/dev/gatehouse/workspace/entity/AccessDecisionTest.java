package dev.gatehouse.workspace.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gatehouse.organization.entity.Organization;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The full matrix of architecture.md's table: every caller kind × ID level × PAT level, and what
 * each may read and write. A CI token's level is its own, whatever the workspace's two levels.
 */
class AccessDecisionTest {

    @ParameterizedTest(name = "{0}, id {1}, pat {2}: read {3}, write {4}")
    @CsvSource({
            // caller,     id level,   pat level,  read,  write
            "anonymous,    READ_WRITE, READ_WRITE, true,  true",
            "anonymous,    READ_WRITE, READ_ONLY,  true,  true",
            "anonymous,    READ_ONLY,  READ_WRITE, true,  false",
            "anonymous,    READ_ONLY,  READ_ONLY,  true,  false",
            "anonymous,    NONE,       READ_WRITE, false, false",
            "anonymous,    NONE,       READ_ONLY,  false, false",
            "outsider-pat, READ_WRITE, READ_WRITE, true,  true",
            "outsider-pat, READ_WRITE, READ_ONLY,  true,  true",
            "outsider-pat, READ_ONLY,  READ_WRITE, true,  false",
            "outsider-pat, READ_ONLY,  READ_ONLY,  true,  false",
            "outsider-pat, NONE,       READ_WRITE, false, false",
            "outsider-pat, NONE,       READ_ONLY,  false, false",
            "member-pat,   READ_WRITE, READ_WRITE, true,  true",
            "member-pat,   READ_WRITE, READ_ONLY,  true,  false",
            "member-pat,   READ_ONLY,  READ_WRITE, true,  true",
            "member-pat,   READ_ONLY,  READ_ONLY,  true,  false",
            "member-pat,   NONE,       READ_WRITE, true,  true",
            "member-pat,   NONE,       READ_ONLY,  true,  false",
            "ci-token-ro,  READ_WRITE, READ_WRITE, true,  false",
            "ci-token-ro,  READ_ONLY,  READ_ONLY,  true,  false",
            "ci-token-ro,  NONE,       READ_WRITE, true,  false",
            "ci-token-ro,  NONE,       READ_ONLY,  true,  false",
            "ci-token-rw,  READ_WRITE, READ_WRITE, true,  true",
            "ci-token-rw,  READ_ONLY,  READ_ONLY,  true,  true",
            "ci-token-rw,  NONE,       READ_WRITE, true,  true",
            "ci-token-rw,  NONE,       READ_ONLY,  true,  true",
            "other-ci-token, READ_WRITE, READ_WRITE, false, false",
            "other-ci-token, READ_ONLY,  READ_ONLY,  false, false",
            "other-ci-token, NONE,       READ_WRITE, false, false",
    })
    void matrix(String kind, AccessLevel idLevel, AccessLevel patLevel, boolean read, boolean write) {
        Workspace workspace = new Workspace(new Organization("acme", Instant.EPOCH), "web", Instant.EPOCH);
        workspace.changeLevels(idLevel, patLevel);
        AccessLevel level = workspace.levelFor(Requesters.of(kind, workspace.getNxCloudId()));
        assertEquals(read, level.allowsRead(), "read");
        assertEquals(write, level.allowsWrite(), "write");
    }

    @Test
    void aNewWorkspaceStartsReadWriteForEveryoneAsNxCloudDoes() {
        Workspace workspace = new Workspace(new Organization("acme", Instant.EPOCH), "web", Instant.EPOCH);
        assertEquals(AccessLevel.READ_WRITE, workspace.getIdAccessLevel());
        assertEquals(AccessLevel.READ_WRITE, workspace.getPatAccessLevel());
    }

    @Test
    void thePatLevelCannotBeNone() {
        Workspace workspace = new Workspace(new Organization("acme", Instant.EPOCH), "web", Instant.EPOCH);
        assertThrows(IllegalArgumentException.class, () -> workspace.changeLevels(AccessLevel.NONE, AccessLevel.NONE));
        assertEquals(AccessLevel.READ_WRITE, workspace.getIdAccessLevel(), "unchanged after a refusal");
    }
}
