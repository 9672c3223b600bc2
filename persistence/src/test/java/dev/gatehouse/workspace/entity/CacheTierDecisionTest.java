package dev.gatehouse.workspace.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gatehouse.cache.entity.Tier;
import dev.gatehouse.organization.entity.Organization;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The cache poisoning defence as a full matrix: every kind of writer × the workspace's "members'
 * uploads are trusted" setting decides the tier of the entry, and every kind of reader either gets
 * that entry or a miss.
 */
class CacheTierDecisionTest {

    private static final List<String> READERS = List.of("anonymous", "outsider-pat", "member-pat", "ci-token-ro", "ci-token-rw");

    @ParameterizedTest(name = "{0} writes, members trusted {1}: {2}, read by {3}")
    @CsvSource({
            // writer,   members' uploads trusted, tier, readers who get the entry
            "anonymous,    true,  UNTRUSTED, anonymous outsider-pat ci-token-ro",
            "outsider-pat, true,  UNTRUSTED, anonymous outsider-pat ci-token-ro",
            "member-pat,   true,  TRUSTED,   anonymous outsider-pat member-pat ci-token-ro ci-token-rw",
            "ci-token-rw,  true,  TRUSTED,   anonymous outsider-pat member-pat ci-token-ro ci-token-rw",
            "anonymous,    false, UNTRUSTED, anonymous outsider-pat member-pat ci-token-ro",
            "outsider-pat, false, UNTRUSTED, anonymous outsider-pat member-pat ci-token-ro",
            "member-pat,   false, UNTRUSTED, anonymous outsider-pat member-pat ci-token-ro",
            "ci-token-rw,  false, TRUSTED,   anonymous outsider-pat member-pat ci-token-ro ci-token-rw",
    })
    void matrix(String writer, boolean membersTrusted, Tier tier, String readers) {
        Workspace workspace = workspace(membersTrusted);
        Tier written = Tier.writtenBy(workspace.trusts(Requesters.of(writer, workspace.getNxCloudId())));
        assertEquals(tier, written, "tier");
        List<String> gotIt = new ArrayList<>();
        for (String reader : READERS) {
            if (Tier.readBy(workspace.trusts(Requesters.of(reader, workspace.getNxCloudId()))).contains(written)) {
                gotIt.add(reader);
            }
        }
        assertEquals(List.of(readers.split(" ")), gotIt, "readers");
    }

    @Test
    void whoeverReadsBothTiersGetsTheTrustedEntryFirst() {
        assertEquals(List.of(Tier.TRUSTED, Tier.UNTRUSTED), Tier.readBy(false));
        assertEquals(List.of(Tier.TRUSTED), Tier.readBy(true));
    }

    @Test
    void anotherWorkspacesTokenIsNeverTrusted() {
        Workspace workspace = workspace(true);
        assertEquals(false, workspace.trusts(Requesters.of("other-ci-token", workspace.getNxCloudId())));
    }

    @Test
    void aNewWorkspaceTrustsItsMembersUploadsAndAnAdminCanStopThat() {
        Workspace workspace = workspace(true);
        assertEquals(true, workspace.isMembersUploadsTrusted());
        workspace.trustMembersUploads(false);
        assertEquals(false, workspace.trusts(Requester.pat(true)));
    }

    private static Workspace workspace(boolean membersTrusted) {
        Workspace workspace = new Workspace(new Organization("acme", Instant.EPOCH), "web", Instant.EPOCH);
        workspace.trustMembersUploads(membersTrusted);
        return workspace;
    }
}
