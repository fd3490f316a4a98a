package dev.recon.app.cli;

import dev.recon.app.pipeline.PipelineContext;
import dev.recon.app.platform.DatabaseEndpoints;
import dev.recon.app.platform.Platform;
import dev.recon.app.platform.PlatformConfig;
import dev.recon.ingestion.store.IngestionDatabase;
import dev.recon.ledger.db.LedgerDatabase;
import dev.recon.ledger.db.LedgerPartitions;
import dev.recon.reporting.access.AccessDatabase;
import dev.recon.reporting.casework.CaseworkDatabase;
import java.io.IOException;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * Starts the platform with the ledger's, the connectors', the casework's and the users' schemas in
 * place and the application login provisioned.
 */
final class PlatformLauncher {
  /** Replication of a run's topics on a real cluster, unless configured otherwise. */
  private static final short DEFAULT_CLUSTER_REPLICATION = 3;

  private PlatformLauncher() {}

  static Platform start(PlatformConfig config) throws IOException, InterruptedException {
    return Platform.start(config, PlatformLauncher::prepareDatabase);
  }

  /** Migrations as the owner, then the application login (a member of recon_app, owns nothing). */
  static void prepareDatabase(DatabaseEndpoints db) {
    LedgerDatabase.migrate(db.ownerDataSource());
    IngestionDatabase.migrate(db.ownerDataSource());
    CaseworkDatabase.migrate(db.ownerDataSource());
    AccessDatabase.migrate(db.ownerDataSource());
    // months are created ahead so that no booking waits on a partition being created under load
    LedgerPartitions.ensureAhead(
        db.ownerDataSource(), YearMonth.now(ZoneOffset.UTC), LedgerPartitions.DEFAULT_MONTHS_AHEAD);
    if (db.appPassword() != null) {
      LedgerDatabase.provisionAppLogin(
          db.ownerDataSource(), db.appUser(), db.appPassword().toCharArray());
    }
  }

  static PipelineContext pipelineContext(Platform platform) {
    PlatformConfig config = platform.config();
    short replication =
        config.embeddedKafka()
            ? 1
            : config.topicReplicationFactor() == null
                ? DEFAULT_CLUSTER_REPLICATION
                : config.topicReplicationFactor();
    DatabaseEndpoints db = platform.database();
    return new PipelineContext(
        platform.kafka(),
        config.topicPartitions(),
        replication,
        new PipelineContext.AppDatabase(
            db.appDataSource(), db.appUrl(), db.appUser(), db.appPassword()),
        platform.flink()::create);
  }
}
