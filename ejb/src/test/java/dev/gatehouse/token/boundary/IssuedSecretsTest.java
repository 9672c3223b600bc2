package dev.gatehouse.token.boundary;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.organization.entity.Organization;
import dev.gatehouse.token.boundary.WorkspaceTokenService.IssuedWorkspaceToken;
import dev.gatehouse.token.entity.PersonalAccessToken;
import dev.gatehouse.token.entity.WorkspaceAccessToken;
import dev.gatehouse.workspace.entity.AccessLevel;
import dev.gatehouse.workspace.entity.Workspace;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A just-issued token's secret never reaches a log line through {@code toString}. */
class IssuedSecretsTest {

    private static final String SECRET = "gatehouse_ws_thisMustNeverBeLogged0123456789abc";

    @Test
    void aWorkspaceTokenJustIssuedPrintsItsNameButNotItsSecret() {
        Workspace workspace = new Workspace(new Organization("Acme", Instant.now()), "repo", Instant.now());
        WorkspaceAccessToken token = new WorkspaceAccessToken(workspace, "ci", AccessLevel.READ_WRITE, SECRET, Instant.now());
        String printed = new IssuedWorkspaceToken(token, SECRET).toString();
        assertTrue(printed.contains("ci"), printed);
        assertFalse(printed.contains(SECRET), printed);
    }

    @Test
    void aPersonalTokenJustIssuedPrintsItsNameButNotItsSecret() {
        PersonalAccessToken token = new PersonalAccessToken(null, "laptop", SECRET, Instant.now(), null);
        String printed = new IssuedToken(token, SECRET).toString();
        assertTrue(printed.contains("laptop"), printed);
        assertFalse(printed.contains(SECRET), printed);
    }
}
