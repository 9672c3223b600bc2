package dev.gatehouse.cache.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.cache.entity.CacheUsage;
import java.lang.reflect.Field;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The plots' bars stand for the numbers: one per day and series with a value, heights in proportion. */
class UsagePlotsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
    private static final Pattern BAR = Pattern.compile("<rect x=\"[\\d.]+\" y=\"(\\d+)\" width=\"[\\d.]+\" height=\"(\\d+)\" fill=\"(#\\w+)\"/>");

    @Test
    void requestsAreStackedByOutcomeAndScaledToTheBusiestDay() throws Exception {
        CacheUsage yesterday = usage(TODAY.minusDays(1), "hits", 6L, "misses", 2L);
        CacheUsage today = usage(TODAY, "hits", 1L, "misses", 1L, "stored", 1L, "refusedReadOnly", 1L);
        String svg = new UsagePlots(List.of(yesterday, today), TODAY, 30).requests("usageTable");

        assertTrue(svg.contains("aria-describedby=\"usageTable\"") && svg.contains("<title>Requests per day by outcome</title>"), svg);
        List<int[]> bars = bars(svg);
        assertEquals(6, bars.size(), "two series yesterday, four today");
        // 116 pixels stand for the busiest day's 8 requests.
        assertEquals(116 * 6 / 8, bars.get(0)[1], 1, "six hits");
        assertEquals(116 * 2 / 8, bars.get(1)[1], 1, "two misses, stacked on the hits");
        assertEquals(bars.get(0)[0], bars.get(1)[0] + bars.get(1)[1], 1, "stacked without a gap");
        assertTrue(svg.contains(">8</text>"), "the axis names the busiest day's total");
        assertTrue(svg.contains(">2026-10-30</text>") && svg.contains(">2026-11-28</text>"), "thirty days, oldest left");
    }

    @Test
    void theHitRateIsAPercentageAndAnEmptyDayDrawsNothing() throws Exception {
        String svg = new UsagePlots(List.of(usage(TODAY, "hits", 3L, "misses", 1L)), TODAY, 30).hitRate("t");
        List<int[]> bars = bars(svg);
        assertEquals(1, bars.size());
        assertEquals(UsagePlots.HITS, "#" + svg.replaceAll("(?s).*fill=\"#(\\w+)\"/>.*", "$1"));
        assertTrue(svg.contains(">100 %</text>"), svg);
    }

    @Test
    void storageIsDrawnAgainstTheLimit() throws Exception {
        String svg = new UsagePlots(List.of(usage(TODAY, "bytesHeld", 50L << 20)), TODAY, 30).storage("t", 100L << 20);
        assertTrue(svg.contains("stroke-dasharray"), "the limit line");
        assertTrue(svg.contains(">100.0 MiB</text>"), svg);
        int[] bar = bars(svg).get(0);
        assertEquals(116 / 2, bar[1], 1, "half the limit: half the height");
    }

    private static List<int[]> bars(String svg) {
        Matcher bar = BAR.matcher(svg);
        List<int[]> bars = new java.util.ArrayList<>();
        while (bar.find()) {
            bars.add(new int[] {Integer.parseInt(bar.group(1)), Integer.parseInt(bar.group(2))});
        }
        return bars;
    }

    /** A day's row as the database would give it back. */
    private static CacheUsage usage(LocalDate day, Object... counts) throws Exception {
        CacheUsage usage = new CacheUsage(null, day);
        for (int i = 0; i < counts.length; i += 2) {
            Field field = CacheUsage.class.getDeclaredField((String) counts[i]);
            field.setAccessible(true);
            field.setLong(usage, (Long) counts[i + 1]);
        }
        return usage;
    }
}
