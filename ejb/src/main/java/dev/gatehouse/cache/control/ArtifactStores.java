package dev.gatehouse.cache.control;

import dev.gatehouse.cache.control.S3Store.Located;
import dev.gatehouse.cache.entity.CacheEntry;
import dev.gatehouse.cache.entity.CacheKey;
import dev.gatehouse.cache.entity.Tier;
import dev.gatehouse.config.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/** The store {@code GATEHOUSE_CACHE_STORE} names, made at the start, so that a wrong setting stops it with a sentence. */
@ApplicationScoped
public class ArtifactStores {

    private static final Logger LOG = Logger.getLogger(ArtifactStores.class.getName());

    @PersistenceContext
    EntityManager em;

    @Produces
    @ApplicationScoped
    ArtifactStore configured() {
        Settings settings = Settings.fromEnvironment();
        return settings.cacheInS3() ? S3Store.connect(settings.s3Bucket(), this::locate)
                : new FolderStore(ArtifactFiles.configured(), settings.cacheMinFree());
    }

    void close(@Disposes ArtifactStore store) {
        if (store instanceof S3Store s3) {
            s3.close();
        }
    }

    void announce(@Observes @Initialized(ApplicationScoped.class) Object started, ArtifactStore store) {
        LOG.info(() -> "Cache artifacts are kept in " + store + " (" + Settings.CACHE_STORE + ").");
        if (!store.readiness().up()) {
            LOG.warning(() -> "The cache's store is not ready; /health says why. Until it is, uploads are refused and"
                    + " reads are misses, and builds go on.");
        }
    }

    /** The record of an artifact in S3: in the first of the tiers that holds one. */
    private Optional<Located> locate(CacheKey key, List<Tier> tiers) {
        List<Object[]> held = em.createNamedQuery(CacheEntry.STORED_AS, Object[].class)
                .setParameter("nxCloudId", key.nxCloudId()).setParameter("hash", key.hash()).getResultList();
        for (Tier tier : tiers) {
            for (Object[] row : held) {
                if (row[0] == tier && row[2] != null) {
                    return Optional.of(new Located(tier, ((Number) row[1]).longValue(), (String) row[2]));
                }
            }
        }
        return Optional.empty();
    }
}
