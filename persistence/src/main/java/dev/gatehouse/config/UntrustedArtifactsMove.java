package dev.gatehouse.config;

import dev.gatehouse.cache.entity.Tier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.logging.Logger;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Version 3: the files of the entries that V2 sorted into the untrusted tier move to that tier's
 * folder, where trusted callers never look. Files are not transactional, so this may be run again
 * after a failure: a file already moved is left where it is.
 */
final class UntrustedArtifactsMove implements JavaMigration {

    private static final Logger LOG = Logger.getLogger(UntrustedArtifactsMove.class.getName());

    private final Path cacheFolder;

    UntrustedArtifactsMove(Path cacheFolder) {
        this.cacheFolder = cacheFolder;
    }

    @Override
    public void migrate(Context context) throws Exception {
        int moved = 0;
        try (Statement query = context.getConnection().createStatement();
             ResultSet untrusted = query.executeQuery("SELECT w.NXCLOUDID, e.HASH FROM CACHE_ENTRY e"
                     + " JOIN WORKSPACE w ON w.ID = e.WORKSPACE_ID WHERE e.TIER = 'UNTRUSTED'")) {
            while (untrusted.next()) {
                Path workspace = cacheFolder.resolve(untrusted.getString(1));
                Path file = workspace.resolve(untrusted.getString(2));
                if (Files.exists(file)) {
                    Path target = workspace.resolve(Tier.UNTRUSTED_FOLDER).resolve(file.getFileName());
                    Files.createDirectories(target.getParent());
                    Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
                    moved++;
                }
            }
        }
        int count = moved;
        LOG.info(() -> "Moved " + count + " artifact(s) written by untrusted callers into their workspaces' "
                + Tier.UNTRUSTED_FOLDER + " folders.");
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("3");
    }

    @Override
    public String getDescription() {
        return "move untrusted artifacts";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }
}
