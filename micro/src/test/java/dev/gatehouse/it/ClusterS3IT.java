package dev.gatehouse.it;

import static dev.gatehouse.it.Artifacts.bytes;
import static dev.gatehouse.it.Artifacts.hash;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.testing.S3Proxy;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Every test of {@link ClusterIT} again, with the two nodes keeping artifacts in one S3 bucket
 * ({@code GATEHOUSE_CACHE_STORE=s3}) served by S3Proxy on 127.0.0.1, and what only S3 has: an
 * object per upload, and a store that can go away while the nodes stay.
 */
class ClusterS3IT extends ClusterIT {

    private static S3Proxy s3;

    /** Started by {@link ClusterIT}'s {@code @BeforeAll}, for this class: the nodes' settings for the bucket. */
    static Map<String, String> bucket(Path work) throws Exception {
        s3 = S3Proxy.start(work.resolve("s3"));
        return Map.of(
                "GATEHOUSE_CACHE_STORE", "s3",
                "GATEHOUSE_S3_ENDPOINT", s3.endpoint().toString(),
                "GATEHOUSE_S3_BUCKET", S3Proxy.BUCKET,
                "GATEHOUSE_S3_REGION", "us-east-1",
                "AWS_ACCESS_KEY_ID", "gatehouse-it",
                "AWS_SECRET_ACCESS_KEY", "not-checked-by-s3proxy");
    }

    @AfterAll
    static void stopS3() throws Exception {
        if (s3 != null) {
            s3.close();
        }
    }

    @Test
    void ofTwoConcurrentWritersOfAHashOnlyTheWinnersObjectStaysInTheBucket() throws Exception {
        Team team = team(a);
        for (int round = 0; round < 3; round++) {
            String raced = hash();
            assertEquals(List.of(200, 409), putThroughBothAtOnce(team, raced));
            List<String> objects = s3.keys().filter(key -> key.startsWith(team.nxCloudId() + "/trusted/" + raced + "/")).toList();
            assertEquals(1, objects.size(), "the loser's object was deleted: " + objects);
            assertArrayEquals(Files.readAllBytes(s3.objects().resolve(objects.get(0))), get(b, team, raced, team.token()).body(),
                    "the object kept is the one served");
        }
    }

    @Test
    void aPurgedTierAndADeletedWorkspaceTakeTheirObjectsOutOfTheBucket() throws Exception {
        Team team = team(a);
        levels(team, "READ_WRITE", "READ_WRITE");
        assertEquals(200, put(a, team, hash(), team.token(), bytes(300)).statusCode());
        assertEquals(200, put(b, team, hash(), null, bytes(200)).statusCode(), "anonymous, so untrusted");
        assertEquals(1, objects(team, "untrusted").size());

        HtmlPage page = team.admin().open(team.workspace());
        page = Browser.press(Browser.press(page, "Purge the untrusted tier"), "Yes, purge the untrusted tier");
        assertTrue(Browser.text(page).contains("Purged 1 entry in the untrusted tier"), Browser.text(page));
        assertEquals(List.of(), objects(team, "untrusted"), "the purged entry's object is deleted");
        assertEquals(1, objects(team, "trusted").size(), "the other tier's stays");

        Browser.press(Browser.press(team.admin().open(team.workspace()), "Delete workspace"), "Yes, delete this workspace");
        assertEquals(List.of(), s3.keys().filter(key -> key.startsWith(team.nxCloudId() + "/")).toList(),
                "nothing of the deleted workspace is left in the bucket");
    }

    private static List<String> objects(Team team, String tier) throws Exception {
        return s3.keys().filter(key -> key.startsWith(team.nxCloudId() + "/" + tier + "/")).toList();
    }

    /** Before the node-killing test, which is last. */
    @Test
    @Order(Integer.MAX_VALUE - 1)
    void whileTheBucketIsGoneUploadsAreRefusedWith403AndReadsMissButNoBuildFailsAndAllComesBack() throws Exception {
        Team team = team(a);
        String kept = hash();
        byte[] artifact = bytes(5_000);
        assertEquals(200, put(a, team, kept, team.token(), artifact).statusCode());
        s3.stop();
        try {
            for (LaunchedNode node : List.of(a, b)) {
                HttpResponse<String> refused = put(node, team, hash(), team.token(), bytes(100));
                assertEquals(403, refused.statusCode(), "nx carries on after a 403: " + refused.body());
                assertTrue(refused.body().contains("could not write it"), refused.body());
                assertEquals(404, get(node, team, kept, team.token()).statusCode(), "a miss, which nx carries on after");
                HttpResponse<String> health = Api.send(HttpRequest.newBuilder(node.base.resolve("health")));
                assertEquals(503, health.statusCode());
                assertTrue(health.body().contains("{\"name\":\"cache-bucket\",\"status\":\"DOWN\""), health.body());
            }
        } finally {
            s3.run();
        }
        for (LaunchedNode node : List.of(a, b)) {
            assertEquals(200, Api.send(HttpRequest.newBuilder(node.base.resolve("health"))).statusCode());
            assertArrayEquals(artifact, get(node, team, kept, team.token()).body());
        }
        assertTrue(a.log().contains("Cache PUT refused with 403") && a.log().contains("did not take"),
                "the refusal and its cause are in the log");
    }
}
