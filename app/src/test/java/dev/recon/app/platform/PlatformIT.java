package dev.recon.app.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recon.schemas.kafka.Topics;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 180, unit = TimeUnit.SECONDS)
class PlatformIT {
  /** Restart strategy none: a failing job fails the test at once. */
  private static final PlatformConfig EMBEDDED =
      PlatformConfig.embedded().withFlink(2, Duration.ofSeconds(1), 0);

  @TempDir Path tmp;

  @Test
  void everythingEmbeddedStartsAndStopsWithoutTrace() throws Exception {
    Set<String> threadsBefore = LoopbackChecks.nonDaemonThreads();
    AtomicReference<DatabaseEndpoints> prepared = new AtomicReference<>();
    int kafkaPort;
    int postgresPort;
    Path dataRoot;

    try (Platform platform =
        Platform.start(
            EMBEDDED,
            endpoints -> {
              prepared.set(endpoints);
              createLogin(endpoints);
            })) {
      kafkaPort = LoopbackChecks.port(platform.kafkaBootstrap());
      DatabaseEndpoints db = platform.database();
      postgresPort = URI.create(db.ownerUrl().substring("jdbc:".length())).getPort();
      dataRoot = platform.dataRoot();

      assertThat(platform.kafkaBootstrap()).startsWith("127.0.0.1:");
      assertThat(topics(platform.kafkaBootstrap())).containsAll(Topics.ALL);
      assertThat(prepared.get()).isEqualTo(db);
      assertThat(db.ownerUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:" + postgresPort + "/recon");
      assertThat(db.appUrl()).isEqualTo(db.ownerUrl());
      assertThat(db.appUser()).isEqualTo(Platform.EMBEDDED_APP_LOGIN);
      assertThat(db.appPassword()).hasSizeGreaterThanOrEqualTo(32);
      assertThat(query(platform.ownerDataSource(), "select current_user")).isEqualTo("postgres");
      assertThat(query(db.appDataSource(), "select current_user")).isEqualTo("recon_app_login");
      assertThat(db.toString()).doesNotContain(db.appPassword());
      assertThat(platform.toString()).doesNotContain(db.appPassword());
      assertThat(platform.flink().local()).isTrue();
      assertThat(dataRoot).isDirectory();
    }

    assertThat(LoopbackChecks.canBind(kafkaPort)).isTrue();
    assertThat(LoopbackChecks.canBind(postgresPort)).isTrue();
    assertThat(LoopbackChecks.nonDaemonThreads()).isSubsetOf(threadsBefore);
    assertThat(Files.exists(dataRoot)).isFalse();
  }

  @Test
  void aDataDirKeepsTopicsAndTablesAcrossRestarts() throws Exception {
    PlatformConfig config = EMBEDDED.withDataDir(tmp.resolve("recon-data"));
    String firstPassword;
    try (Platform platform = Platform.start(config)) {
      firstPassword = platform.database().appPassword();
      execute(platform.ownerDataSource(), "create table kept(note text)");
      execute(platform.ownerDataSource(), "insert into kept values ('ledger row')");
      try (KafkaProducer<String, String> producer =
          new KafkaProducer<>(
              Map.of(
                  ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                  platform.kafkaBootstrap(),
                  ProducerConfig.ACKS_CONFIG,
                  "all"),
              new StringSerializer(),
              new StringSerializer())) {
        producer.send(new ProducerRecord<>(Topics.JOURNAL, 0, "tenant-a", "entry-1")).get();
      }
    }
    assertThat(tmp.resolve("recon-data").resolve(Platform.KAFKA_DIR)).isDirectory();
    assertThat(tmp.resolve("recon-data").resolve(Platform.POSTGRES_DIR)).isDirectory();

    try (Platform platform = Platform.start(config)) {
      assertThat(query(platform.ownerDataSource(), "select note from kept"))
          .isEqualTo("ledger row");
      assertThat(firstRecord(platform.kafkaBootstrap(), Topics.JOURNAL)).isEqualTo("entry-1");
      assertThat(platform.database().appPassword()).isNotEqualTo(firstPassword);
    }
  }

  @Test
  void startsOnlyThePiecesThatAreNotConfigured() throws Exception {
    try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(tmp.resolve("external-kafka"));
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.startTemporary()) {
      String url = postgres.jdbcUrl(EmbeddedPostgresServer.DATABASE);
      PlatformConfig config =
          EMBEDDED
              .withKafka(kafka.bootstrapServers())
              .withDatabase(url, EmbeddedPostgresServer.SUPERUSER, null, "recon_app", "app-pw")
              .withDataDir(tmp.resolve("platform-data"));

      try (Platform platform = Platform.start(config)) {
        assertThat(platform.kafkaBootstrap()).isEqualTo(kafka.bootstrapServers());
        assertThat(platform.database())
            .isEqualTo(
                new DatabaseEndpoints(
                    url, EmbeddedPostgresServer.SUPERUSER, null, url, "recon_app", "app-pw"));
        assertThat(query(platform.ownerDataSource(), "select 1")).isEqualTo("1");
      }

      assertThat(tmp.resolve("platform-data").resolve(Platform.KAFKA_DIR)).doesNotExist();
      assertThat(tmp.resolve("platform-data").resolve(Platform.POSTGRES_DIR)).doesNotExist();
      // The configured servers were used, and are still running after the platform stopped.
      assertThat(topics(kafka.bootstrapServers())).containsAll(Topics.ALL);
      assertThat(query(postgres.reconDataSource(), "select 1")).isEqualTo("1");
    }
  }

  @Test
  void aFailedDatabasePreparationStopsWhatWasStarted() throws Exception {
    Set<String> threadsBefore = LoopbackChecks.nonDaemonThreads();
    AtomicReference<DatabaseEndpoints> prepared = new AtomicReference<>();

    assertThatThrownBy(
            () ->
                Platform.start(
                    EMBEDDED,
                    endpoints -> {
                      prepared.set(endpoints);
                      throw new SQLException("migration V7 failed");
                    }))
        .isInstanceOf(java.io.IOException.class)
        .hasRootCauseMessage("migration V7 failed");

    int postgresPort = URI.create(prepared.get().ownerUrl().substring("jdbc:".length())).getPort();
    assertThat(LoopbackChecks.canBind(postgresPort)).isTrue();
    assertThat(LoopbackChecks.nonDaemonThreads()).isSubsetOf(threadsBefore);
  }

  @Test
  void runsAJobOnTheLocalMiniCluster() throws Exception {
    PlatformConfig config = EMBEDDED.withDataDir(tmp.resolve("recon-data"));
    try (Platform platform = Platform.start(config)) {
      StreamExecutionEnvironment env = platform.flink().create();

      assertThat(env.getParallelism()).isEqualTo(2);
      assertThat(env.getConfig().getSerializerConfig().hasGenericTypesDisabled()).isTrue();
      assertThat(sumOfDoubled(env, 100)).isEqualTo(10_100L);
    }
  }

  @Test
  void runsAJobOnARemoteJobManager() throws Exception {
    Configuration clusterConfig = new Configuration();
    clusterConfig.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
    clusterConfig.set(RestOptions.ADDRESS, "127.0.0.1");
    clusterConfig.set(RestOptions.BIND_PORT, "0");
    try (MiniCluster cluster =
        new MiniCluster(
            new MiniClusterConfiguration.Builder()
                .setConfiguration(clusterConfig)
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(2)
                .build())) {
      cluster.start();
      URI rest = cluster.getRestAddress().get();
      PlatformConfig config =
          new PlatformConfig(
              null,
              2,
              null,
              null,
              null,
              null,
              null,
              null,
              new HostAndPort(rest.getHost(), rest.getPort()),
              null,
              2,
              Duration.ofSeconds(1),
              0);
      // The cluster shares this JVM's classpath, so no jar needs shipping.
      FlinkEnvironments flink = FlinkEnvironments.remote(config, List.of());

      assertThat(sumOfDoubled(flink.create(), 10)).isEqualTo(110L);
    }
  }

  private static long sumOfDoubled(StreamExecutionEnvironment env, long upTo) throws Exception {
    long sum = 0;
    try (CloseableIterator<Long> doubled =
        env.fromSequence(1, upTo).map((MapFunction<Long, Long>) x -> x * 2).executeAndCollect()) {
      while (doubled.hasNext()) {
        sum += doubled.next();
      }
    }
    return sum;
  }

  private static void createLogin(DatabaseEndpoints endpoints) throws SQLException {
    try (Connection c = endpoints.ownerDataSource().getConnection();
        PreparedStatement ddl =
            c.prepareStatement("select format('create role %I login password %L', ?, ?)")) {
      ddl.setString(1, endpoints.appUser());
      ddl.setString(2, endpoints.appPassword());
      try (ResultSet rs = ddl.executeQuery();
          Statement s = c.createStatement()) {
        rs.next();
        s.execute(rs.getString(1));
      }
    }
  }

  private static Set<String> topics(String bootstrap) throws Exception {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      return admin.listTopics().names().get();
    }
  }

  private static String firstRecord(String bootstrap, String topic) {
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed"),
            new StringDeserializer(),
            new StringDeserializer())) {
      TopicPartition partition = new TopicPartition(topic, 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      List<String> values = new ArrayList<>();
      while (values.isEmpty()) {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
      }
      return values.get(0);
    }
  }

  private static String query(DataSource dataSource, String sql) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static void execute(DataSource dataSource, String sql) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
