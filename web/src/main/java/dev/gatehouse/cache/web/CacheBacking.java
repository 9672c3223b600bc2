package dev.gatehouse.cache.web;

import dev.gatehouse.cache.boundary.WorkspaceCache;
import dev.gatehouse.cache.boundary.WorkspaceCache.Holding;
import dev.gatehouse.cache.entity.CacheEntry;
import dev.gatehouse.cache.entity.CacheKey;
import dev.gatehouse.common.Problem;
import dev.gatehouse.common.web.Messages;
import dev.gatehouse.config.Settings;
import dev.gatehouse.config.Sizes;
import dev.gatehouse.workspace.boundary.WorkspaceService;
import dev.gatehouse.workspace.web.WorkspaceBacking;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** The workspace page's Cache section, admins only: what each tier holds, provenance, purges. */
@Named
@ViewScoped
public class CacheBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    public static final String HASH_FIELD = "lookupHash";

    @EJB
    WorkspaceCache cache;

    @EJB
    WorkspaceService workspaces;

    @Inject
    WorkspaceBacking workspace;

    private List<Holding> holdings;
    private List<CacheEntry> recent;
    private String hash;
    private List<CacheEntry> found;
    private boolean confirmingPurgeUntrusted;
    private String limit;

    public List<Holding> getHoldings() {
        if (holdings == null) {
            holdings = cache.holdings(workspace.getId());
        }
        return holdings;
    }

    public List<CacheEntry> getRecent() {
        if (recent == null) {
            recent = cache.recentWrites(workspace.getId());
        }
        return recent;
    }

    /** The workspace's own limit as typed, or blank for the server's default. */
    public String getLimit() {
        if (limit == null) {
            Long own = workspace.getWorkspace().getCacheLimit();
            limit = own == null ? "" : Sizes.exact(own);
        }
        return limit;
    }

    public void setLimit(String limit) {
        this.limit = limit;
    }

    public String getDefaultLimit() {
        return Sizes.format(Settings.fromEnvironment().cacheWorkspaceLimit());
    }

    public void saveLimit() {
        Long own = workspaces.limitCache(workspace.getId(), limit).getCacheLimit();
        limit = own == null ? "" : Sizes.exact(own);
        Messages.info("Storage limit saved: " + (own == null ? "the server's default, " + getDefaultLimit() : Sizes.format(own)) + ".");
    }

    public void lookUp() {
        if (!CacheKey.isValidHash(hash == null ? null : hash.strip())) {
            found = null;
            Messages.show(new Problem(HASH_FIELD, "A cache hash is 1 to " + CacheKey.HASH_MAX + " letters, digits, '-' or '_'."));
            return;
        }
        found = cache.lookUp(workspace.getId(), hash);
        if (found.isEmpty()) {
            Messages.info("Neither tier holds an entry with hash " + hash.strip() + ".");
        }
    }

    public void purge(CacheEntry entry) {
        purged(cache.purge(workspace.getId(), entry.getId()), "with hash " + entry.getHash() + " in the " + entry.getTier().label().toLowerCase() + " tier");
    }

    public void purgeWrittenWithToken(CacheEntry entry) {
        purged(cache.purgeWrittenWith(workspace.getId(), entry.writer().kind(), entry.writer().tokenId()),
                "written with the token of " + entry.writer().label() + " (#" + entry.writer().tokenId() + ")");
    }

    public void purgeWrittenByPerson(CacheEntry entry) {
        purged(cache.purgeWrittenBy(workspace.getId(), entry.writer().name()), "written by " + entry.writer().name());
    }

    public void askToPurgeUntrusted() {
        confirmingPurgeUntrusted = true;
    }

    public void cancelPurgeUntrusted() {
        confirmingPurgeUntrusted = false;
    }

    public void purgeUntrusted() {
        confirmingPurgeUntrusted = false;
        purged(cache.purgeUntrusted(workspace.getId()), "in the untrusted tier");
    }

    private void purged(int count, String which) {
        holdings = null;
        recent = null;
        found = null;
        Messages.info("Purged " + count + (count == 1 ? " entry " : " entries ") + which + ". Those hashes can be written again.");
    }

    public String getHash() {
        return hash;
    }

    public void setHash(String hash) {
        this.hash = hash;
    }

    public List<CacheEntry> getFound() {
        return found;
    }

    public boolean isConfirmingPurgeUntrusted() {
        return confirmingPurgeUntrusted;
    }
}
