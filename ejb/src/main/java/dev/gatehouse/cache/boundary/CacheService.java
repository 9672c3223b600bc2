package dev.gatehouse.cache.boundary;

import dev.gatehouse.cache.control.ArtifactStore;
import dev.gatehouse.cache.entity.CacheKey;
import dev.gatehouse.security.CachePrincipals;
import dev.gatehouse.security.Roles;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The remote cache of one workspace, the one named in the request. The authentication mechanism
 * has already decided the caller's level for that workspace and handed it over as roles, so these
 * methods only state which role they need. No transaction around the bytes: an upload can take
 * minutes, and only its record, written afterwards, needs one.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CacheService {

    private static final Logger LOG = Logger.getLogger(CacheService.class.getName());

    @Inject
    ArtifactStore store;

    @EJB
    CacheLedger ledger;

    @Resource
    SessionContext session;

    /** What became of an upload. */
    public enum Written { STORED, EXISTS, NOT_RECORDED }

    /**
     * Stores the bytes, then records them. When the record cannot be written (the workspace was
     * deleted during the upload, or the database failed), the bytes are taken back: nothing is left
     * that no one would ever delete.
     */
    @RolesAllowed(Roles.WORKSPACE_WRITER)
    public Written write(String nxCloudId, String hash, InputStream body, long length) throws IOException {
        CacheKey key = new CacheKey(nxCloudId, hash);
        Optional<String> sha256 = store.store(key, body, length);
        if (sha256.isEmpty()) {
            return Written.EXISTS;
        }
        try {
            ledger.record(key, length, sha256.get(), CachePrincipals.writer(session.getCallerPrincipal().getName()));
            return Written.STORED;
        } catch (EJBException notRecorded) {
            store.remove(key);
            LOG.warning(() -> "Upload to workspace " + nxCloudId + " not kept, its record failed: " + notRecorded.getCausedByException());
            return Written.NOT_RECORDED;
        }
    }
}
