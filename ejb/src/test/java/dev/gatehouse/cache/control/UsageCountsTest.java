package dev.gatehouse.cache.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gatehouse.cache.control.UsageCounts.Outcome;
import dev.gatehouse.cache.control.UsageCounts.Taken;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class UsageCountsTest {

    private static final String ID = "Ws00000000000000000000ab";

    @Test
    void countsEachOutcomeAndItsBytesOnce() {
        UsageCounts counts = new UsageCounts();
        counts.count(ID, Outcome.HIT, 100);
        counts.count(ID, Outcome.HIT, 50);
        counts.count(ID, Outcome.MISS, 0);
        counts.count(ID, Outcome.STORED, 70);
        counts.count(ID, Outcome.REFUSED_EXISTING, 0);
        List<Taken> taken = counts.take();
        assertEquals(1, taken.size());
        assertEquals(2, taken.get(0).of(Outcome.HIT));
        assertEquals(1, taken.get(0).of(Outcome.MISS));
        assertEquals(1, taken.get(0).of(Outcome.REFUSED_EXISTING));
        assertEquals(150, taken.get(0).bytesServed());
        assertEquals(70, taken.get(0).bytesStored());
        assertEquals(List.of(), counts.take(), "taken once");
    }

    @Test
    void countsGivenBackWaitForTheNextBatch() {
        UsageCounts counts = new UsageCounts();
        counts.count(ID, Outcome.MISS, 0);
        List<Taken> failed = counts.take();
        counts.count(ID, Outcome.MISS, 0);
        counts.giveBack(failed);
        assertEquals(2, counts.take().get(0).of(Outcome.MISS));
    }

    @Test
    void noRequestIsLostWhileBatchesAreTaken() throws Exception {
        UsageCounts counts = new UsageCounts();
        ExecutorService requests = Executors.newFixedThreadPool(4);
        for (int thread = 0; thread < 4; thread++) {
            requests.submit(() -> {
                for (int i = 0; i < 50_000; i++) {
                    counts.count(ID, Outcome.HIT, 1);
                }
            });
        }
        long hits = 0;
        long bytes = 0;
        requests.shutdown();
        while (!requests.awaitTermination(1, TimeUnit.MILLISECONDS)) {
            for (Taken taken : counts.take()) {
                hits += taken.of(Outcome.HIT);
                bytes += taken.bytesServed();
            }
        }
        for (Taken taken : counts.take()) {
            hits += taken.of(Outcome.HIT);
            bytes += taken.bytesServed();
        }
        assertEquals(200_000, hits);
        assertEquals(200_000, bytes);
    }
}
