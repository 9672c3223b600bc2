package dev.gatehouse.cache.boundary;

import dev.gatehouse.cache.control.ArtifactStore;
import dev.gatehouse.cache.control.ArtifactStore.Artifact;
import dev.gatehouse.cache.entity.CacheKey;
import dev.gatehouse.security.CachePrincipals;
import dev.gatehouse.security.Roles;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * The remote cache of one workspace, the one named in the request. The authentication mechanism
 * has already decided the caller's level for that workspace and handed it over as roles, so these
 * methods only state which role they need. No transaction around the bytes: an upload can take
 * minutes, and only its record, written afterwards, needs one.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CacheService {

    @Inject
    ArtifactStore store;

    @EJB
    CacheLedger ledger;

    @Resource
    SessionContext session;

    @RolesAllowed(Roles.WORKSPACE_READER)
    public Optional<Artifact> read(String nxCloudId, String hash) {
        return store.find(new CacheKey(nxCloudId, hash));
    }

    /**
     * @return true when stored, false when the hash was stored already (entries are never replaced)
     */
    @RolesAllowed(Roles.WORKSPACE_WRITER)
    public boolean write(String nxCloudId, String hash, InputStream body, long length) throws IOException {
        CacheKey key = new CacheKey(nxCloudId, hash);
        Optional<String> sha256 = store.store(key, body, length);
        sha256.ifPresent(digest -> ledger.record(key, length, digest,
                CachePrincipals.writer(session.getCallerPrincipal().getName())));
        return sha256.isPresent();
    }
}
