package dev.recon.app.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running platform: Kafka, PostgreSQL and where Flink jobs run. Each piece is the configured
 * server, or, when none is configured, an embedded one started here on 127.0.0.1 and stopped by
 * {@link #close()}.
 *
 * <p>Embedded data lives under {@link PlatformConfig#dataDir()} ({@value #KAFKA_DIR}/, {@value
 * #POSTGRES_DIR}/, {@value #CHECKPOINTS_DIR}/) and survives a restart; without a data dir it lives
 * in a temp folder deleted on close.
 */
public final class Platform implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Platform.class);

  /** The application login on the embedded database; its password is new at every start. */
  public static final String EMBEDDED_APP_LOGIN = "recon_app_login";

  public static final String KAFKA_DIR = "kafka";
  public static final String POSTGRES_DIR = "postgres";
  public static final String CHECKPOINTS_DIR = "flink-checkpoints";

  private static final int APP_PASSWORD_BYTES = 24;
  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * Work to do once the database is reachable and before {@link #start} returns, e.g. apply
   * migrations as the owner and create or update the application login (for the embedded database:
   * {@value #EMBEDDED_APP_LOGIN} with {@link DatabaseEndpoints#appPassword()}, which changes at
   * every start). If it fails, everything started so far is stopped.
   */
  @FunctionalInterface
  public interface DatabasePreparation {
    void prepare(DatabaseEndpoints endpoints) throws Exception;
  }

  private final PlatformConfig config;
  private final Path dataRoot;
  private final boolean temporaryDataRoot;
  private final EmbeddedKafkaBroker kafka;
  private final EmbeddedPostgresServer postgres;
  private final KafkaConnection kafkaConnection;
  private final DatabaseEndpoints database;
  private final FlinkEnvironments flink;
  private boolean closed;

  private Platform(
      PlatformConfig config,
      Path dataRoot,
      boolean temporaryDataRoot,
      EmbeddedKafkaBroker kafka,
      EmbeddedPostgresServer postgres,
      KafkaConnection kafkaConnection,
      DatabaseEndpoints database,
      FlinkEnvironments flink) {
    this.config = config;
    this.dataRoot = dataRoot;
    this.temporaryDataRoot = temporaryDataRoot;
    this.kafka = kafka;
    this.postgres = postgres;
    this.kafkaConnection = kafkaConnection;
    this.database = database;
    this.flink = flink;
  }

  /** Starts whatever is embedded and creates the Kafka topics; no database preparation. */
  public static Platform start(PlatformConfig config) throws IOException, InterruptedException {
    return start(config, endpoints -> {});
  }

  /**
   * Starts the embedded pieces (Kafka and PostgreSQL side by side), runs {@code preparation}
   * against the database, then creates the missing Kafka topics.
   */
  public static Platform start(PlatformConfig config, DatabasePreparation preparation)
      throws IOException, InterruptedException {
    long startedAt = System.nanoTime();
    boolean temporary = config.dataDir() == null;
    Path root =
        temporary
            ? Files.createTempDirectory("recon-platform")
            : Files.createDirectories(config.dataDir().toAbsolutePath());
    List<AutoCloseable> started = new ArrayList<>();
    try {
      Embedded embedded = startEmbedded(config, root, started);
      KafkaConnection bootstrap =
          embedded.kafka() == null
              ? new KafkaConnection(config.kafkaBootstrap(), config.kafkaSecurity())
              : KafkaConnection.plaintext(embedded.kafka().bootstrapServers());
      DatabaseEndpoints endpoints =
          embedded.postgres() == null
              ? new DatabaseEndpoints(
                  config.dbUrl(),
                  config.dbUser(),
                  config.dbPassword(),
                  config.dbUrl(),
                  config.appDbUser(),
                  config.appDbPassword())
              : embeddedEndpoints(embedded.postgres());
      preparation.prepare(endpoints);
      new TopicProvisioner(
              config.topicPartitions(),
              config.embeddedKafka()
                  ? Optional.of((short) 1)
                  : Optional.ofNullable(config.topicReplicationFactor()))
          .provision(bootstrap);
      FlinkEnvironments flink =
          config.localFlink()
              ? FlinkEnvironments.local(config, root.resolve(CHECKPOINTS_DIR))
              : FlinkEnvironments.remote(config);
      Platform platform =
          new Platform(
              config,
              root,
              temporary,
              embedded.kafka(),
              embedded.postgres(),
              bootstrap,
              endpoints,
              flink);
      LOG.info("Platform up in {} ms: {}", (System.nanoTime() - startedAt) / 1_000_000, platform);
      return platform;
    } catch (Exception | Error e) {
      // Whatever failed, nothing this start brought up may outlive it.
      closeAll(started, e);
      if (temporary) {
        deleteTree(root, e);
      }
      if (e instanceof Error error) {
        throw error;
      }
      if (e instanceof IOException io) {
        throw io;
      }
      if (e instanceof InterruptedException interrupted) {
        throw interrupted;
      }
      if (e instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IOException("Platform could not start", e);
    }
  }

  private record Embedded(EmbeddedKafkaBroker kafka, EmbeddedPostgresServer postgres) {}

  /** Starts embedded Kafka and PostgreSQL in parallel, adding each to {@code started}. */
  private static Embedded startEmbedded(
      PlatformConfig config, Path root, List<AutoCloseable> started)
      throws IOException, InterruptedException {
    ExecutorService pool =
        Executors.newFixedThreadPool(
            2,
            task -> {
              Thread t = new Thread(task, "recon-platform-start");
              t.setDaemon(true);
              return t;
            });
    try {
      Future<EmbeddedKafkaBroker> kafka =
          config.embeddedKafka()
              ? pool.submit(() -> EmbeddedKafkaBroker.start(root.resolve(KAFKA_DIR)))
              : null;
      Future<EmbeddedPostgresServer> postgres =
          config.embeddedDatabase()
              ? pool.submit(
                  () ->
                      config.dataDir() == null
                          ? EmbeddedPostgresServer.startTemporary()
                          : EmbeddedPostgresServer.startPersistent(root.resolve(POSTGRES_DIR)))
              : null;
      // Collect both before failing, so that a piece that did start is stopped again.
      Throwable failure = null;
      EmbeddedKafkaBroker broker = null;
      EmbeddedPostgresServer server = null;
      try {
        broker = kafka == null ? null : awaitStarted(kafka);
        if (broker != null) {
          started.add(broker);
        }
      } catch (ExecutionException e) {
        failure = e.getCause();
      }
      try {
        server = postgres == null ? null : awaitStarted(postgres);
        if (server != null) {
          started.add(server);
        }
      } catch (ExecutionException e) {
        if (failure == null) {
          failure = e.getCause();
        } else {
          failure.addSuppressed(e.getCause());
        }
      }
      if (failure instanceof IOException io) {
        throw io;
      }
      if (failure instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (failure instanceof Error error) {
        throw error;
      }
      if (failure != null) {
        throw new IOException("Embedded platform could not start", failure);
      }
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedException("Interrupted while the embedded platform started");
      }
      return new Embedded(broker, server);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Waits for a piece to start even when interrupted: whatever came up must be known so that it can
   * be stopped again. The interrupt is kept for the caller.
   */
  private static <T> T awaitStarted(Future<T> future) throws ExecutionException {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return future.get();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static DatabaseEndpoints embeddedEndpoints(EmbeddedPostgresServer postgres) {
    String url = postgres.jdbcUrl(EmbeddedPostgresServer.DATABASE);
    return new DatabaseEndpoints(
        url, EmbeddedPostgresServer.SUPERUSER, null, url, EMBEDDED_APP_LOGIN, newPassword());
  }

  private static String newPassword() {
    byte[] bytes = new byte[APP_PASSWORD_BYTES];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public PlatformConfig config() {
    return config;
  }

  /** Bootstrap servers of the embedded broker or the configured cluster. */
  public String kafkaBootstrap() {
    return kafkaConnection.bootstrap();
  }

  /** How every Kafka client reaches the embedded broker or the configured cluster. */
  public KafkaConnection kafka() {
    return kafkaConnection;
  }

  /** Owner and application logins of the embedded or configured database. */
  public DatabaseEndpoints database() {
    return database;
  }

  /** An unpooled data source for the owner login (migrations, provisioning). */
  public DataSource ownerDataSource() {
    return database.ownerDataSource();
  }

  /** Where Flink jobs run: {@link FlinkEnvironments#create()} gives a job its environment. */
  public FlinkEnvironments flink() {
    return flink;
  }

  /** The folder holding embedded data: the configured data dir or a temp folder. */
  public Path dataRoot() {
    return dataRoot;
  }

  /** Stops the embedded pieces in reverse start order and deletes a temporary data folder. */
  @Override
  public synchronized void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    IOException failure = new IOException("Platform did not stop cleanly");
    List<AutoCloseable> running = new ArrayList<>();
    if (kafka != null) {
      running.add(kafka);
    }
    if (postgres != null) {
      running.add(postgres);
    }
    closeAll(running, failure);
    if (temporaryDataRoot) {
      deleteTree(dataRoot, failure);
    }
    if (failure.getSuppressed().length > 0) {
      throw failure;
    }
    LOG.info("Platform stopped");
  }

  /** Closes in reverse order, recording failures as suppressed exceptions of {@code failure}. */
  private static void closeAll(List<AutoCloseable> started, Throwable failure) {
    for (int i = started.size() - 1; i >= 0; i--) {
      try {
        started.get(i).close();
      } catch (Exception e) {
        failure.addSuppressed(e);
      }
    }
  }

  private static void deleteTree(Path root, Throwable failure) {
    try {
      FolderTree.delete(root);
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
  }

  @Override
  public String toString() {
    return "Platform{kafka="
        + (kafka == null ? "" : "embedded ")
        + kafkaConnection
        + ", database="
        + (postgres == null ? "" : "embedded ")
        + Secrets.maskJdbcUrl(database.ownerUrl())
        + ", flink="
        + (flink.local() ? "local MiniCluster" : config.flinkJobManager())
        + ", data="
        + (temporaryDataRoot ? "temporary " : "")
        + dataRoot
        + "}";
  }
}
