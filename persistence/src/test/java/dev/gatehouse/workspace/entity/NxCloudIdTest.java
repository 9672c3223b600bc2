package dev.gatehouse.workspace.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NxCloudIdTest {

    @Test
    void idsAreTwentyFourCharactersAndDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = NxCloudId.generate();
            assertEquals(NxCloudId.LENGTH, id.length());
            assertTrue(NxCloudId.isWellFormed(id), id);
            assertTrue(seen.add(id), "repeated " + id);
        }
    }

    @Test
    void malformedIdsAreRecognised() {
        assertFalse(NxCloudId.isWellFormed(null));
        assertFalse(NxCloudId.isWellFormed("short"));
        assertFalse(NxCloudId.isWellFormed("../../etc/passwd/xxxxxxxx"));
    }
}
