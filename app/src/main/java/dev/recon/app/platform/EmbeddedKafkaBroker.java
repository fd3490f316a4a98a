package dev.recon.app.platform;

import dev.recon.schemas.kafka.Topics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Kafka broker (KRaft combined mode: broker and controller in one node) running
 * inside this JVM from Kafka's production classes, bound to 127.0.0.1 on free ports.
 *
 * <p>The log directory is the caller's: a data folder keeps topics across restarts ({@code recon
 * demo}), a temporary folder gives a throw-away broker (tests). A directory that has never been
 * used is formatted first, the way {@code kafka-storage.sh format} does it.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

  private static final int NODE_ID = 1;
  private static final String BROKER_LISTENER = "PLAINTEXT";
  private static final String CONTROLLER_LISTENER = "CONTROLLER";
  private static final String TLS_LISTENER = "TLS";
  private static final String META_PROPERTIES = "meta.properties";

  /**
   * Flink's EXACTLY_ONCE sink keeps transactions open across a checkpoint; 15 minutes is the broker
   * default, kept explicit because sinks are configured against it.
   */
  public static final int TRANSACTION_MAX_TIMEOUT_MS = 900_000;

  /** Raw records carry whole files: the broker accepts the largest message a topic may hold. */
  public static final int MESSAGE_MAX_BYTES = Topics.MAX_MESSAGE_BYTES;

  /**
   * Free ports are picked before the broker binds them, so another process can take one in between:
   * a bind failure is retried on fresh ports this many times.
   */
  private static final int START_ATTEMPTS = 3;

  private static final int LOG_CLEANER_DEDUPE_BUFFER_BYTES = 8 * 1024 * 1024;

  private static final Object STARTUP_LOCK = new Object();

  private final KafkaRaftServer server;
  private final Path logDir;
  private final int brokerPort;
  private final int tlsPort;
  private boolean closed;

  private EmbeddedKafkaBroker(KafkaRaftServer server, Path logDir, int brokerPort, int tlsPort) {
    this.server = server;
    this.logDir = logDir;
    this.brokerPort = brokerPort;
    this.tlsPort = tlsPort;
  }

  /**
   * A TLS listener beside the plaintext one, which requires a client certificate signed by a CA in
   * {@code truststore}: for tests of recon's mutual TLS clients.
   *
   * @param keystore the broker's PKCS12 keystore (key and certificate for 127.0.0.1)
   * @param password the keystore's password
   * @param truststore PEM file of the CAs whose client certificates are accepted
   */
  record TlsListener(Path keystore, String password, Path truststore) {
    @Override
    public String toString() {
      return "TlsListener[keystore=" + keystore + ", truststore=" + truststore + "]";
    }
  }

  /**
   * Starts a broker on {@code logDir} (created and formatted if new) and returns once it accepts
   * clients. Blocks for about two seconds.
   */
  public static EmbeddedKafkaBroker start(Path logDir) throws IOException {
    return start(logDir, () -> LoopbackPorts.free(2));
  }

  /** Where the broker and controller ports come from; tests hand out taken ones. */
  @FunctionalInterface
  interface PortPairs {
    /** Two ports: the broker's, then the controller's. */
    List<Integer> next() throws IOException;
  }

  static EmbeddedKafkaBroker start(Path logDir, PortPairs portPairs) throws IOException {
    return start(logDir, portPairs, null);
  }

  /** As {@link #start(Path)}, with a {@link TlsListener} at {@link #tlsBootstrapServers()}. */
  static EmbeddedKafkaBroker startWithTls(Path logDir, TlsListener tls) throws IOException {
    return start(logDir, () -> LoopbackPorts.free(3), tls);
  }

  private static EmbeddedKafkaBroker start(Path logDir, PortPairs portPairs, TlsListener tls)
      throws IOException {
    Path dir = logDir.toAbsolutePath();
    Files.createDirectories(dir);
    RuntimeException lastBindFailure = null;
    for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
      List<Integer> ports = portPairs.next();
      int brokerPort = ports.get(0);
      int tlsPort = tls == null ? -1 : ports.get(2);
      Map<String, Object> properties = brokerProperties(dir, brokerPort, ports.get(1));
      if (tls != null) {
        addTlsListener(properties, tlsPort, tls);
      }
      formatIfNew(properties, dir);
      KafkaConfig config = new KafkaConfig(properties, false);
      KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
      try {
        long startedAt = System.nanoTime();
        startup(server);
        LOG.info(
            "Embedded Kafka broker started on 127.0.0.1:{} in {} ms (log dir {})",
            brokerPort,
            (System.nanoTime() - startedAt) / 1_000_000,
            dir);
        return new EmbeddedKafkaBroker(server, dir, brokerPort, tlsPort);
      } catch (RuntimeException e) {
        stopQuietly(server);
        // Kafka reports a bind failure through its fatal fault handler, which loses the cause:
        // a port that is still taken after the failed broker stopped tells the story instead.
        if (!causedByBindFailure(e) && ports.stream().allMatch(LoopbackPorts::canBind)) {
          throw e;
        }
        LOG.warn("Embedded Kafka could not bind its ports (attempt {}), retrying", attempt);
        lastBindFailure = e;
      }
    }
    throw new IOException("Embedded Kafka could not bind free loopback ports", lastBindFailure);
  }

  /** Bootstrap servers for clients: {@code 127.0.0.1:<port>}. */
  public String bootstrapServers() {
    return "127.0.0.1:" + brokerPort;
  }

  /** Bootstrap servers of the {@link TlsListener}: {@code 127.0.0.1:<port>}. */
  String tlsBootstrapServers() {
    if (tlsPort < 0) {
      throw new IllegalStateException("this broker has no TLS listener");
    }
    return "127.0.0.1:" + tlsPort;
  }

  public Path logDir() {
    return logDir;
  }

  /** Stops the broker and controller and waits until their threads and sockets are gone. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    server.shutdown();
    server.awaitShutdown();
    LOG.info("Embedded Kafka broker on 127.0.0.1:{} stopped", brokerPort);
  }

  static Map<String, Object> brokerProperties(Path logDir, int brokerPort, int controllerPort) {
    Map<String, Object> p = new HashMap<>();
    p.put("process.roles", "broker,controller");
    p.put("node.id", Integer.toString(NODE_ID));
    p.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
    p.put(
        "listeners",
        BROKER_LISTENER
            + "://127.0.0.1:"
            + brokerPort
            + ","
            + CONTROLLER_LISTENER
            + "://127.0.0.1:"
            + controllerPort);
    p.put("advertised.listeners", BROKER_LISTENER + "://127.0.0.1:" + brokerPort);
    p.put(
        "listener.security.protocol.map",
        BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
    p.put("controller.listener.names", CONTROLLER_LISTENER);
    p.put("inter.broker.listener.name", BROKER_LISTENER);
    p.put("log.dirs", logDir.toString());

    // One node: every internal topic has exactly one replica.
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "5");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("transaction.state.log.num.partitions", "5");
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("share.coordinator.state.topic.min.isr", "1");
    p.put("default.replication.factor", "1");
    p.put("min.insync.replicas", "1");

    p.put("message.max.bytes", Integer.toString(MESSAGE_MAX_BYTES));
    p.put("replica.fetch.max.bytes", Integer.toString(MESSAGE_MAX_BYTES));
    p.put("transaction.max.timeout.ms", Integer.toString(TRANSACTION_MAX_TIMEOUT_MS));
    p.put("group.initial.rebalance.delay.ms", "0");
    // Topics come from TopicProvisioner; a typo in a topic name must fail, not create a topic.
    p.put("auto.create.topics.enable", "false");

    // Sized for a laptop sharing its cores with Flink and PostgreSQL.
    p.put("num.network.threads", "2");
    p.put("num.io.threads", "4");
    p.put("background.threads", "4");
    p.put("num.partitions", "2");
    // The default 128 MiB de-duplication buffer costs half a second to allocate at every start;
    // only the small internal compacted topics use it here.
    p.put("log.cleaner.dedupe.buffer.size", Integer.toString(LOG_CLEANER_DEDUPE_BUFFER_BYTES));
    return p;
  }

  /** The TLS listener; brokers and the controller keep talking over their plaintext listeners. */
  private static void addTlsListener(Map<String, Object> p, int port, TlsListener tls) {
    String address = TLS_LISTENER + "://127.0.0.1:" + port;
    p.put("listeners", p.get("listeners") + "," + address);
    p.put("advertised.listeners", p.get("advertised.listeners") + "," + address);
    p.put(
        "listener.security.protocol.map",
        p.get("listener.security.protocol.map") + "," + TLS_LISTENER + ":SSL");
    String prefix = "listener.name." + TLS_LISTENER.toLowerCase(Locale.ROOT) + ".";
    p.put(prefix + "ssl.client.auth", "required");
    p.put(prefix + "ssl.keystore.type", "PKCS12");
    p.put(prefix + "ssl.keystore.location", tls.keystore().toString());
    p.put(prefix + "ssl.keystore.password", tls.password());
    p.put(prefix + "ssl.truststore.type", "PEM");
    p.put(prefix + "ssl.truststore.location", tls.truststore().toString());
  }

  /**
   * Formats a new log dir the way {@code kafka-storage.sh format} does, from the same properties
   * the server starts with; a dir that was formatted before is left alone (its cluster id stays).
   */
  private static void formatIfNew(Map<String, Object> properties, Path dir) throws IOException {
    if (Files.exists(dir.resolve(META_PROPERTIES))) {
      return;
    }
    Properties serverProperties = new Properties();
    serverProperties.putAll(properties);
    Path file = Files.createTempFile("recon-kafka", ".properties");
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    try {
      try (OutputStream out = Files.newOutputStream(file)) {
        serverProperties.store(out, "recon embedded Kafka");
      }
      String clusterId = Uuid.randomUuid().toString();
      int exitCode =
          StorageTool.execute(
              new String[] {"format", "--cluster-id", clusterId, "--config", file.toString()},
              new PrintStream(output, true, StandardCharsets.UTF_8));
      if (exitCode != 0) {
        throw new IOException(
            "Could not format Kafka log dir "
                + dir
                + ": "
                + output.toString(StandardCharsets.UTF_8).strip());
      }
      LOG.info("Formatted Kafka log dir {} (cluster {})", dir, clusterId);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /**
   * Starts the server with Kafka's process exits disabled: a fatal fault while starting (a port
   * taken between picking and binding it) halts the JVM in a standalone broker, but must only fail
   * this start when the broker is embedded in recon. Starts are serialised because the exit hooks
   * are global.
   */
  private static void startup(KafkaRaftServer server) {
    synchronized (STARTUP_LOCK) {
      Exit.setHaltProcedure(EmbeddedKafkaBroker::refuseToEndProcess);
      Exit.setExitProcedure(EmbeddedKafkaBroker::refuseToEndProcess);
      try {
        server.startup();
      } finally {
        Exit.resetHaltProcedure();
        Exit.resetExitProcedure();
      }
    }
  }

  private static void refuseToEndProcess(int status, String message) {
    throw new IllegalStateException(
        "Embedded Kafka hit a fatal fault while starting (exit status "
            + status
            + (message == null ? "" : ", " + message)
            + "); see the error logged before");
  }

  private static boolean causedByBindFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BindException) {
        return true;
      }
    }
    return false;
  }

  private static void stopQuietly(KafkaRaftServer server) {
    try {
      server.shutdown();
      server.awaitShutdown();
    } catch (RuntimeException e) {
      LOG.debug("Error while stopping a broker that failed to start", e);
    }
  }
}
