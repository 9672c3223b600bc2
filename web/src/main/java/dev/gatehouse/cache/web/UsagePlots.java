package dev.gatehouse.cache.web;

import dev.gatehouse.cache.entity.CacheUsage;
import dev.gatehouse.config.Sizes;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;

/**
 * The workspace page's usage plots as SVG drawn on the server: no script, no chart library, no
 * request beyond the page. One bar per day for the last days, oldest left; each plot names the
 * table with the same numbers, which is its text alternative.
 */
final class UsagePlots {

    static final String HITS = "#2da44e";
    static final String MISSES = "#d4a72c";
    static final String STORED = "#0969da";
    static final String REFUSED = "#cf222e";
    static final String HELD = "#8250df";

    private static final int WIDTH = 600;
    private static final int HEIGHT = 150;
    private static final int LEFT = 64;
    private static final int BOTTOM = 20;

    private final List<LocalDate> days;
    private final Map<LocalDate, CacheUsage> byDay = new HashMap<>();

    /** @param usage the days with any use; the others are drawn empty */
    UsagePlots(List<CacheUsage> usage, LocalDate today, int dayCount) {
        this.days = today.minusDays(dayCount - 1L).datesUntil(today.plusDays(1)).toList();
        usage.forEach(day -> byDay.put(day.getDay(), day));
    }

    /** Hits among reads per day, in percent. */
    String hitRate(String describedBy) {
        return plot("Hit rate per day", describedBy, 100, value -> value + " %",
                new Series(HITS, day -> day.hitRate() == null ? 0 : Math.round(day.hitRate() * 100)));
    }

    /** Requests per day, stacked by outcome. */
    String requests(String describedBy) {
        Series[] outcomes = {new Series(HITS, CacheUsage::getHits), new Series(MISSES, CacheUsage::getMisses),
                new Series(STORED, CacheUsage::getStored), new Series(REFUSED, CacheUsage::refused)};
        long max = days.stream().mapToLong(day -> total(day, outcomes)).max().orElse(0);
        return plot("Requests per day by outcome", describedBy, Math.max(max, 1), Long::toString, outcomes);
    }

    /** What the cache held at each day's last count, against the limit, drawn as a line. */
    String storage(String describedBy, long limit) {
        long max = days.stream().mapToLong(day -> value(day, CacheUsage::getBytesHeld)).max().orElse(0);
        String bars = plot("Storage held per day, and the limit", describedBy, Math.max(limit, max), Sizes::format,
                new Series(HELD, CacheUsage::getBytesHeld));
        int y = y(limit, Math.max(limit, max));
        return bars.replace("</svg>", "<line x1=\"" + LEFT + "\" x2=\"" + WIDTH + "\" y1=\"" + y + "\" y2=\"" + y
                + "\" stroke=\"" + REFUSED + "\" stroke-dasharray=\"4 3\"/></svg>");
    }

    private record Series(String color, ToLongFunction<CacheUsage> value) {
    }

    private String plot(String title, String describedBy, long max, LongFunction<String> axis, Series... stacked) {
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"" + WIDTH
                + "\" height=\"" + HEIGHT + "\" viewBox=\"0 0 " + WIDTH + " " + HEIGHT + "\" aria-describedby=\""
                + describedBy + "\"><title>" + title + "</title>");
        svg.append(text(LEFT - 6, 12, "end", axis.apply(max))).append(text(LEFT - 6, HEIGHT - BOTTOM, "end", axis.apply(0)));
        svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH).append("\" y1=\"").append(HEIGHT - BOTTOM)
                .append("\" y2=\"").append(HEIGHT - BOTTOM).append("\" stroke=\"#8c959f\"/>");
        double slot = (double) (WIDTH - LEFT) / days.size();
        for (int i = 0; i < days.size(); i++) {
            long below = 0;
            for (Series series : stacked) {
                long value = value(days.get(i), series.value());
                if (value > 0) {
                    int top = y(below + value, max);
                    svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>",
                            LEFT + i * slot + 1, top, slot - 2, y(below, max) - top, series.color()));
                }
                below += value;
            }
        }
        svg.append(text(LEFT, HEIGHT - 4, "start", days.get(0).toString()))
                .append(text(WIDTH, HEIGHT - 4, "end", days.get(days.size() - 1).toString()));
        return svg.append("</svg>").toString();
    }

    private long total(LocalDate day, Series... series) {
        long total = 0;
        for (Series one : series) {
            total += value(day, one.value());
        }
        return total;
    }

    private long value(LocalDate day, ToLongFunction<CacheUsage> value) {
        CacheUsage usage = byDay.get(day);
        return usage == null ? 0 : value.applyAsLong(usage);
    }

    private static int y(long value, long max) {
        return (int) Math.round((HEIGHT - BOTTOM) - (double) value / max * (HEIGHT - BOTTOM - 14));
    }

    private static String text(int x, int y, String anchor, String words) {
        return "<text x=\"" + x + "\" y=\"" + y + "\" text-anchor=\"" + anchor + "\" font-size=\"11\" fill=\"#57606a\">"
                + words + "</text>";
    }
}
