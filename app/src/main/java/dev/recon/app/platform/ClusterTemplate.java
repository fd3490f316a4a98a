package dev.recon.app.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL cluster initialised once per JVM and copied for every temporary server: initdb takes
 * seconds, a copy a fraction of one. The copy already has the access rules and the {@value
 * EmbeddedPostgresServer#DATABASE} database.
 */
final class ClusterTemplate {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterTemplate.class);
  private static final String VERSION_FILE = "PG_VERSION";
  private static final String OWNER_LOCK = "epg-lock";

  private static Path template;

  private ClusterTemplate() {}

  /** Fills the empty folder {@code target} with a fresh cluster. */
  static synchronized void copyInto(Path target) throws IOException {
    if (template == null || !Files.isRegularFile(template.resolve(VERSION_FILE))) {
      template = create();
    }
    FolderTree.copyInto(template, target);
  }

  private static Path create() throws IOException {
    Path dir = Files.createTempDirectory("recon-pg-template");
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    FolderTree.delete(dir);
                  } catch (IOException e) {
                    LOG.debug("Could not delete PostgreSQL template {}", dir, e);
                  }
                },
                "recon-pg-template-cleanup"));
    // Started once so that it is initialised and prepared, then stopped cleanly for copying.
    EmbeddedPostgresServer.startPersistent(dir).close();
    Files.deleteIfExists(dir.resolve(OWNER_LOCK));
    return dir;
  }
}
