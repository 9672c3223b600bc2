package dev.gatehouse.cache.web;

import dev.gatehouse.cache.boundary.CacheUsageBook;
import dev.gatehouse.cache.entity.CacheEntry;
import dev.gatehouse.cache.entity.CacheUsage;
import dev.gatehouse.config.Settings;
import dev.gatehouse.workspace.web.WorkspaceBacking;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** The workspace page's Usage section, for every member: the last 30 days as plots and as a table. */
@Named
@ViewScoped
public class UsageBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String TABLE_ID = "usageTable";

    @EJB
    CacheUsageBook book;

    @Inject
    WorkspaceBacking workspace;

    private List<CacheUsage> days;
    private List<CacheEntry> largest;

    /** The days with any use, oldest first. */
    public List<CacheUsage> getDays() {
        if (days == null) {
            days = book.lastDays(workspace.getId());
        }
        return days;
    }

    public List<CacheUsage> getDaysNewestFirst() {
        List<CacheUsage> newestFirst = new ArrayList<>(getDays());
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    public List<CacheEntry> getLargest() {
        if (largest == null) {
            largest = book.largest(workspace.getId());
        }
        return largest;
    }

    /** Hits among all reads of the period, as a sentence. */
    public String getSummary() {
        long hits = getDays().stream().mapToLong(CacheUsage::getHits).sum();
        long reads = hits + getDays().stream().mapToLong(CacheUsage::getMisses).sum();
        return reads == 0 ? "No reads in the last " + CacheUsageBook.DAYS + " days."
                : String.format(Locale.ROOT, "Last %d days: %.0f %% of %d reads were hits.", CacheUsageBook.DAYS, 100.0 * hits / reads, reads);
    }

    public String getHitRatePlot() {
        return plots().hitRate(TABLE_ID);
    }

    public String getRequestsPlot() {
        return plots().requests(TABLE_ID);
    }

    public String getStoragePlot() {
        Long own = workspace.getWorkspace().getCacheLimit();
        return plots().storage(TABLE_ID, own != null ? own : Settings.fromEnvironment().cacheWorkspaceLimit());
    }

    private UsagePlots plots() {
        return new UsagePlots(getDays(), CacheUsageBook.today(), CacheUsageBook.DAYS);
    }
}
