package dev.gatehouse.cache.rest;

import dev.gatehouse.cache.boundary.CacheUsageBook;
import dev.gatehouse.cache.entity.CacheUsage;
import dev.gatehouse.common.rest.SignedIn;
import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** A workspace's usage of the last 30 days, the numbers of its page's plots; for its organization's members. */
@Path("workspaces/{nxCloudId}/usage")
@SignedIn
public class UsageResource {

    @EJB
    CacheUsageBook book;

    /** One day, in UTC. */
    public record Day(String day, long hits, long misses, long stored, long refusedExisting, long refusedReadOnly,
            long refusedTooLarge, long refusedStorage, long bytesServed, long bytesStored, long entriesHeld, long bytesHeld) {

        static Day of(CacheUsage usage) {
            return new Day(usage.getDay().toString(), usage.getHits(), usage.getMisses(), usage.getStored(),
                    usage.getRefusedExisting(), usage.getRefusedReadOnly(), usage.getRefusedTooLarge(),
                    usage.getRefusedStorage(), usage.getBytesServed(), usage.getBytesStored(), usage.getEntriesHeld(),
                    usage.getBytesHeld());
        }
    }

    public record Usage(String nxCloudId, List<Day> days) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Usage usage(@PathParam("nxCloudId") String nxCloudId) {
        return new Usage(nxCloudId, book.lastDays(nxCloudId).stream().map(Day::of).toList());
    }
}
