package dev.gatehouse.cache.boundary;

import dev.gatehouse.cache.control.ArtifactStore;
import dev.gatehouse.cache.control.ArtifactStore.Stored;
import dev.gatehouse.cache.control.StorageFailure;
import dev.gatehouse.cache.entity.CacheKey;
import dev.gatehouse.cache.entity.Tier;
import dev.gatehouse.cache.entity.Writer;
import dev.gatehouse.security.Roles;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The remote cache of one workspace, the one named in the request. The authentication mechanism
 * has already decided the caller's level for that workspace, and whether the workspace trusts
 * them, and handed both over as roles, so these methods only state which role they need. No
 * transaction around the bytes: an upload can take minutes, and only its record, written
 * afterwards, needs one.
 */
@Stateless
@DeclareRoles(Roles.WORKSPACE_TRUSTED)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CacheService {

    private static final Logger LOG = Logger.getLogger(CacheService.class.getName());

    @Inject
    ArtifactStore store;

    @EJB
    CacheEntries entries;

    @Resource
    SessionContext session;

    /** What became of an upload. */
    public enum Written { STORED, EXISTS, OVER_WORKSPACE_LIMIT, NOT_RECORDED, NO_SPACE, STORAGE_FAILED }

    /**
     * Stores the bytes in the tier the caller writes to, then records them with their provenance.
     * An untrusted upload of a hash the trusted tier holds is not kept: nobody would read it. A
     * failure of the server's storage is logged and reported, never thrown: it must not fail a build. When
     * the record cannot be written (the workspace was deleted during the upload, or the database
     * failed), the bytes are taken back: nothing is left that no one would ever delete.
     *
     * @param writer who presented which token, as the authentication mechanism found it
     */
    @RolesAllowed(Roles.WORKSPACE_WRITER)
    public Written write(String nxCloudId, String hash, InputStream body, long length, Writer writer, String clientAddress)
            throws IOException {
        CacheKey key = new CacheKey(nxCloudId, hash);
        Tier tier = Tier.writtenBy(session.isCallerInRole(Roles.WORKSPACE_TRUSTED));
        // An untrusted writer cannot add what the trusted tier already holds either.
        if (store.exists(key, tier == Tier.UNTRUSTED ? List.of(Tier.UNTRUSTED, Tier.TRUSTED) : List.of(tier))) {
            return Written.EXISTS;
        }
        // Stored, it would only make the eviction take it and everything else of the workspace's.
        if (length > entries.storageLimitOf(nxCloudId).orElse(Long.MAX_VALUE)) {
            return Written.OVER_WORKSPACE_LIMIT;
        }
        Optional<Stored> stored;
        try {
            stored = store.store(key, tier, body, length);
        } catch (StorageFailure failed) {
            LOG.warning(() -> "Upload of " + hash + " (" + length + " bytes) to workspace " + nxCloudId
                    + " not stored; the client was answered 403 and its build goes on: " + failed.getMessage());
            return failed.isOutOfSpace() ? Written.NO_SPACE : Written.STORAGE_FAILED;
        }
        if (stored.isEmpty()) {
            return Written.EXISTS;
        }
        String failure;
        try {
            if (entries.record(key, tier, length, stored.get(), writer, clientAddress)) {
                return Written.STORED;
            }
            failure = "the database refused it";
        } catch (EJBException notRecorded) {
            failure = String.valueOf(notRecorded.getCausedByException());
        }
        try {
            store.remove(key, tier, stored.get().objectKey());
        } catch (UncheckedIOException stuck) {
            LOG.warning(() -> "An unrecorded upload's bytes stay behind: " + stuck.getCause());
        }
        // In S3, where each upload has an object of its own, the record decides which upload of a hash counts.
        if (stored.get().objectKey() != null && store.exists(key, List.of(tier))) {
            return Written.EXISTS;
        }
        String why = failure;
        LOG.warning(() -> "Upload to workspace " + nxCloudId + " not kept, its record failed: " + why);
        return Written.NOT_RECORDED;
    }
}
