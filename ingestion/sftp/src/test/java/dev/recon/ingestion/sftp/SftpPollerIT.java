package dev.recon.ingestion.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.KeyPair;
import dev.recon.ingestion.file.RawFile;
import dev.recon.ingestion.publish.RawRecordPublisher;
import dev.recon.ingestion.secret.EnvironmentSecrets;
import dev.recon.ingestion.secret.SecretResolver;
import dev.recon.ingestion.store.AuditEntry;
import dev.recon.ingestion.store.AuditOutcome;
import dev.recon.ingestion.store.ConnectorAuditLog;
import dev.recon.ingestion.store.ConnectorOffsets;
import dev.recon.ingestion.store.PublishedObjects;
import dev.recon.ingestion.store.TenantTransactions;
import dev.recon.ingestion.testing.EmbeddedConnectorState;
import dev.recon.schemas.RawRecord;
import dev.recon.schemas.kafka.AvroCodec;
import dev.recon.schemas.kafka.Topics;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The poller against a real SFTP server (MINA SSHD on 127.0.0.1), a real PostgreSQL (embedded) for
 * offsets, dedupe and audit, and a MockProducer standing in for Kafka.
 */
@Timeout(120)
class SftpPollerIT {

  private static final AvroCodec<RawRecord> CODEC = AvroCodec.of(RawRecord.class);
  private static final AtomicInteger TENANTS = new AtomicInteger();

  @TempDir static Path pgDir;
  static EmbeddedConnectorState db;

  @TempDir Path dir;
  SftpTestServer server;
  Path authorizedKeys;
  FailingDataSource database;
  FlakyProducer producer;
  Map<String, String> env;
  SecretResolver secrets;
  String tenant;

  @BeforeAll
  static void startDatabase() throws Exception {
    db = EmbeddedConnectorState.start(pgDir.resolve("pg"));
  }

  @AfterAll
  static void stopDatabase() throws Exception {
    db.close();
  }

  @BeforeEach
  void startServer() throws Exception {
    authorizedKeys = Files.writeString(dir.resolve("authorized_keys"), "");
    server = SftpTestServer.start(dir.resolve("server"), authorizedKeys);
    Files.createDirectories(inbox());
    database = new FailingDataSource(db.app());
    producer = new FlakyProducer();
    env = new HashMap<>(Map.of("SFTP_PASSWORD", SftpTestServer.PASSWORD));
    secrets =
        new SecretResolver(List.of(new EnvironmentSecrets(env)), Duration.ZERO, Clock.systemUTC());
    tenant = "tenant-" + TENANTS.incrementAndGet();
  }

  @AfterEach
  void stopServer() throws Exception {
    server.close();
  }

  // ---- happy path and authentication ----

  @Test
  void passwordLoginPublishesEachStableFileExactlyOnceWithItsBytesIntact() throws Exception {
    byte[] a = "id;amount\r\n1;12,50\r\n\u00e9\u0000".getBytes(StandardCharsets.UTF_8);
    byte[] b = new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2, '\n'};
    put("a.csv", a);
    put("b.csv", b);
    put("notes.txt", "not matched".getBytes(StandardCharsets.UTF_8));
    SftpPoller poller = poller(config(password(), known()));

    assertThat(poller.pollOnce()).isEqualTo(new PollSummary(0, 0, 0, 2, 0, 0));
    assertThat(producer.history()).isEmpty();
    assertThat(poller.pollOnce()).isEqualTo(new PollSummary(2, 0, 0, 0, 0, 0));

    Map<String, byte[]> payloads = new HashMap<>();
    for (RawRecord r : records()) {
      payloads.put(r.getProvenance().getFileName(), bytes(r));
      assertThat(r.getProvenance().getTenantId()).isEqualTo(tenant);
      assertThat(r.getProvenance().getSource()).isEqualTo("sftp:adyen");
      assertThat(r.getPsp()).isEqualTo("adyen");
      assertThat(r.getProvenance().getContentSha256()).isEqualTo(RawFile.sha256Hex(bytes(r)));
    }
    assertThat(producer.history()).allSatisfy(s -> assertThat(s.key()).isEqualTo(tenant));
    assertThat(payloads).containsOnlyKeys("a.csv", "b.csv");
    assertThat(payloads.get("a.csv")).isEqualTo(a);
    assertThat(payloads.get("b.csv")).isEqualTo(b);
    assertThat(names(inbox())).containsExactly("notes.txt");
    assertThat(names(archive())).containsExactlyInAnyOrder("a.csv", "b.csv");
    assertThat(Files.readAllBytes(archive().resolve("a.csv"))).isEqualTo(a);
    assertThat(audit()).filteredOn(e -> e.outcome() == AuditOutcome.ACCEPTED).hasSize(2);

    assertThat(poller.pollOnce()).isEqualTo(PollSummary.NOTHING);
    assertThat(producer.history()).hasSize(2);
  }

  @Test
  void keyLoginWithAnEncryptedKeyAndKnownHostsFromAFile() throws Exception {
    KeyPair key = KeyPair.genKeyPair(new JSch(), KeyPair.ECDSA, 256);
    authorize(key);
    env.put("SFTP_KEY", privateKey(key, "open sesame"));
    env.put("SFTP_PASSPHRASE", "open sesame");
    Path knownHosts = Files.writeString(dir.resolve("known_hosts"), server.knownHostsLine() + "\n");
    put("a.csv", "1".getBytes(StandardCharsets.UTF_8));
    SftpPoller poller =
        poller(
            config(
                new SftpAuthentication.PrivateKey("env:SFTP_KEY", "env:SFTP_PASSPHRASE"),
                HostKeyTrust.file(knownHosts.toString())));
    poller.pollOnce();
    assertThat(poller.pollOnce().taken()).isEqualTo(1);
    assertThat(records()).hasSize(1);

    env.put("SFTP_PASSPHRASE", "not-the-passphrase");
    assertThatThrownBy(poller::pollOnce)
        .isInstanceOfSatisfying(
            SftpConnectionException.class,
            e ->
                assertThat(e.reason())
                    .isEqualTo(SftpConnectionException.Reason.AUTHENTICATION_FAILED))
        .hasMessageNotContaining("not-the-passphrase");
  }

  @Test
  void anUnencryptedKeyWorksAndAKeyTheServerDoesNotKnowIsRefused() throws Exception {
    KeyPair known = KeyPair.genKeyPair(new JSch(), KeyPair.ECDSA, 256);
    authorize(known);
    env.put("SFTP_KEY", privateKey(known, null));
    SftpPoller poller =
        poller(config(new SftpAuthentication.PrivateKey("env:SFTP_KEY", null), known()));
    assertThat(poller.pollOnce()).isEqualTo(PollSummary.NOTHING);

    env.put("SFTP_KEY", privateKey(KeyPair.genKeyPair(new JSch(), KeyPair.ECDSA, 256), null));
    assertThatThrownBy(poller::pollOnce)
        .isInstanceOfSatisfying(
            SftpConnectionException.class,
            e ->
                assertThat(e.reason())
                    .isEqualTo(SftpConnectionException.Reason.AUTHENTICATION_FAILED));
  }

  @Test
  void aWrongPasswordIsAnAuditedAuthenticationFailure() throws Exception {
    env.put("SFTP_PASSWORD", "guess");
    put("a.csv", "1".getBytes(StandardCharsets.UTF_8));
    SftpPoller poller = poller(config(password(), known()));
    assertThatThrownBy(poller::pollOnce)
        .isInstanceOfSatisfying(
            SftpConnectionException.class,
            e ->
                assertThat(e.reason())
                    .isEqualTo(SftpConnectionException.Reason.AUTHENTICATION_FAILED))
        .hasMessageNotContaining("guess");
    assertThat(audit())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.outcome()).isEqualTo(AuditOutcome.FAILED);
              assertThat(e.detail()).doesNotContain("guess");
            });
  }

  @Test
  void aServerShowingAnotherHostKeyIsRefusedAndNothingIsRead() throws Exception {
    put("a.csv", "1".getBytes(StandardCharsets.UTF_8));
    java.security.KeyPair impostor =
        new SimpleGeneratorHostKeyProvider(dir.resolve("other.ser"))
            .loadKeys(null)
            .iterator()
            .next();
    String wrongKey =
        "[127.0.0.1]:"
            + server.port()
            + " "
            + org.apache.sshd.common.config.keys.PublicKeyEntry.toString(impostor.getPublic());
    SftpPoller changed = poller(config(password(), HostKeyTrust.inline(wrongKey)));
    assertThatThrownBy(changed::pollOnce)
        .isInstanceOfSatisfying(
            SftpConnectionException.class,
            e ->
                assertThat(e.reason()).isEqualTo(SftpConnectionException.Reason.HOST_KEY_REJECTED));

    String otherHostOnly =
        server.knownHostsLine().replace("[127.0.0.1]:" + server.port(), "[127.0.0.1]:2");
    SftpPoller unknown = poller(config(password(), HostKeyTrust.inline(otherHostOnly)));
    assertThatThrownBy(unknown::pollOnce)
        .isInstanceOfSatisfying(
            SftpConnectionException.class,
            e ->
                assertThat(e.reason()).isEqualTo(SftpConnectionException.Reason.HOST_KEY_REJECTED));

    assertThat(audit())
        .hasSize(2)
        .allSatisfy(e -> assertThat(e.outcome()).isEqualTo(AuditOutcome.REJECTED));
    assertThat(producer.history()).isEmpty();
    assertThat(names(inbox())).containsExactly("a.csv");
  }

  @Test
  void trustOnFirstUseWorksOnlyInDevelopmentAndIsAudited() throws Exception {
    SftpSourceConfig tofu = config(password(), HostKeyTrust.trustOnFirstUseForDevelopment());
    assertThatThrownBy(() -> poller(tofu, RuntimeMode.PRODUCTION))
        .isInstanceOf(InvalidSftpConfigException.class)
        .hasMessageContaining("refused in production");
    SftpPoller dev = poller(tofu, RuntimeMode.DEVELOPMENT);
    assertThat(dev.pollOnce()).isEqualTo(PollSummary.NOTHING);
    assertThat(dev.pollOnce()).isEqualTo(PollSummary.NOTHING);
    assertThat(audit())
        .singleElement()
        .satisfies(
            e -> assertThat(e.detail()).contains("trusted on first use").contains("SHA256:"));
  }

  // ---- stability across restarts ----

  @Test
  void observationsSurviveARestartAndAFileStillBeingWrittenIsNotTaken() throws Exception {
    put("done.csv", "complete".getBytes(StandardCharsets.UTF_8));
    put("growing.csv", "part 1;".getBytes(StandardCharsets.UTF_8));
    assertThat(poller(config(password(), known())).pollOnce().waitingForStability()).isEqualTo(2);

    Files.write(
        inbox().resolve("growing.csv"),
        "part 2".getBytes(StandardCharsets.UTF_8),
        java.nio.file.StandardOpenOption.APPEND);
    SftpPoller restarted = poller(config(password(), known()));
    assertThat(restarted.pollOnce()).isEqualTo(new PollSummary(1, 0, 0, 1, 0, 0));
    assertThat(records())
        .extracting(r -> r.getProvenance().getFileName())
        .containsExactly("done.csv");

    SftpPoller again = poller(config(password(), known()));
    assertThat(again.pollOnce()).isEqualTo(new PollSummary(1, 0, 0, 0, 0, 0));
    assertThat(bytes(records().get(1))).isEqualTo("part 1;part 2".getBytes(StandardCharsets.UTF_8));
  }

  // ---- crashes at each step ----

  @Test
  void kafkaDownBeforeTheAckLeavesTheFileForTheNextRun() throws Exception {
    put("a.csv", "payload".getBytes(StandardCharsets.UTF_8));
    SftpPoller first = poller(config(password(), known()));
    first.pollOnce();
    producer.sendsToFail.set(1);
    assertThat(first.pollOnce()).isEqualTo(new PollSummary(0, 0, 0, 0, 0, 1));
    assertThat(names(inbox())).containsExactly("a.csv");
    assertThat(stage()).isEqualTo("DOWNLOADED");

    assertThat(poller(config(password(), known())).pollOnce())
        .isEqualTo(new PollSummary(1, 0, 0, 0, 0, 0));
    assertThat(records()).hasSize(1);
    assertThat(names(archive())).containsExactly("a.csv");
    assertThat(stage()).isEqualTo("ARCHIVED");
  }

  @Test
  void aFailedMoveToTheArchiveIsRetriedWithoutPublishingAgain() throws Exception {
    put("a.csv", "payload".getBytes(StandardCharsets.UTF_8));
    SftpPoller first = poller(config(password(), known()));
    first.pollOnce();
    server.renamesToFail.set(1);
    assertThat(first.pollOnce()).isEqualTo(new PollSummary(0, 0, 0, 0, 0, 1));
    assertThat(records()).hasSize(1);
    assertThat(names(inbox())).containsExactly("a.csv");
    assertThat(stage()).isEqualTo("PUBLISHED");

    assertThat(poller(config(password(), known())).pollOnce())
        .isEqualTo(new PollSummary(1, 0, 0, 0, 0, 0));
    assertThat(records()).hasSize(1);
    assertThat(names(archive())).containsExactly("a.csv");
    assertThat(names(inbox())).isEmpty();
  }

  @Test
  void aCrashAfterTheDedupeRecordButBeforeTheProgressIsSavedPublishesOnce() throws Exception {
    put("a.csv", "payload".getBytes(StandardCharsets.UTF_8));
    SftpPoller first = poller(config(password(), known()));
    first.pollOnce();
    producer.afterAck.set(
        () -> database.failAfter(1)); // the dedupe row is written, then the DB dies
    assertThat(first.pollOnce().failed()).isEqualTo(1);
    database.heal();
    producer.afterAck.set(() -> {});
    assertThat(stage()).isEqualTo("DOWNLOADED");

    assertThat(poller(config(password(), known())).pollOnce())
        .isEqualTo(new PollSummary(1, 0, 0, 0, 0, 0));
    assertThat(records()).hasSize(1);
    assertThat(names(archive())).containsExactly("a.csv");
  }

  @Test
  void aCrashRightAfterTheMoveToTheArchiveIsRecognisedOnRestart() throws Exception {
    put("a.csv", "payload".getBytes(StandardCharsets.UTF_8));
    SftpPoller first = poller(config(password(), known()));
    first.pollOnce();
    server.afterRename.set(() -> database.failAfter(0));
    assertThat(first.pollOnce().failed()).isEqualTo(1);
    database.heal();
    server.afterRename.set(() -> {});
    assertThat(stage()).isEqualTo("PUBLISHED");
    assertThat(names(archive())).containsExactly("a.csv");

    assertThat(poller(config(password(), known())).pollOnce())
        .isEqualTo(new PollSummary(1, 0, 0, 0, 0, 0));
    assertThat(records()).hasSize(1);
    assertThat(stage()).isEqualTo("ARCHIVED");
    assertThat(audit())
        .filteredOn(e -> e.outcome() == AuditOutcome.ACCEPTED)
        .singleElement()
        .satisfies(e -> assertThat(e.detail()).contains("archived before a restart"));
  }

  /**
   * The one window no poller can close without Kafka transactions: the broker acknowledged, and the
   * crash came before the acknowledgement was recorded. The file is published again with the same
   * deterministic raw id (normalization dedupes on it); the dedupe table keeps one row and the file
   * is archived once.
   */
  @Test
  void aCrashBetweenTheAckAndItsRecordRepublishesTheSameRawIdOnce() throws Exception {
    put("a.csv", "payload".getBytes(StandardCharsets.UTF_8));
    SftpPoller first = poller(config(password(), known()));
    first.pollOnce();
    producer.afterAck.set(() -> database.failAfter(0));
    assertThat(first.pollOnce().failed()).isEqualTo(1);
    database.heal();
    producer.afterAck.set(() -> {});

    assertThat(poller(config(password(), known())).pollOnce().taken()).isEqualTo(1);
    assertThat(records()).hasSize(2);
    assertThat(records()).extracting(RawRecord::getRawId).containsOnly(records().get(0).getRawId());
    assertThat(names(archive())).containsExactly("a.csv");
  }

  // ---- duplicates ----

  @Test
  void theSameContentAgainUnderAnyNameIsArchivedAsADuplicateNotPublished() throws Exception {
    byte[] content = "settlement batch 7".getBytes(StandardCharsets.UTF_8);
    put("a.csv", content);
    SftpPoller poller = poller(config(password(), known()));
    poller.pollOnce();
    assertThat(poller.pollOnce().taken()).isEqualTo(1);

    put("renamed.csv", content);
    put("a.csv", content); // delivered again under the same name: the archive already has one
    poller.pollOnce();
    assertThat(poller.pollOnce()).isEqualTo(new PollSummary(0, 2, 0, 0, 0, 0));
    assertThat(records()).hasSize(1);
    assertThat(names(inbox())).isEmpty();
    assertThat(names(archive()))
        .hasSize(3)
        .contains("a.csv", "renamed.csv")
        .anyMatch(n -> n.matches("a\\.\\d{8}T\\d{6}Z\\.csv"));
    assertThat(audit())
        .filteredOn(e -> e.outcome() == AuditOutcome.DUPLICATE)
        .hasSize(2)
        .allSatisfy(e -> assertThat(e.detail()).contains("not published again"));
  }

  // ---- refusals ----

  @Test
  void aFileOverTheSizeLimitIsQuarantinedWithTheReason() throws Exception {
    put("big.csv", new byte[11]);
    put("small.csv", new byte[10]);
    SftpPoller poller =
        poller(config(password(), known(), limits(10, SftpLimits.DEFAULT_MAX_FILES_PER_POLL)));
    poller.pollOnce();
    assertThat(poller.pollOnce()).isEqualTo(new PollSummary(1, 0, 1, 0, 0, 0));
    assertThat(records())
        .extracting(r -> r.getProvenance().getFileName())
        .containsExactly("small.csv");
    assertThat(names(quarantine())).containsExactly("big.csv");
    assertThat(audit())
        .filteredOn(e -> e.outcome() == AuditOutcome.QUARANTINED)
        .singleElement()
        .satisfies(e -> assertThat(e.detail()).contains("11 bytes, over the limit of 10 bytes"));
  }

  @Test
  void unreadableFilesUnsafeNamesAndLinksOutOfTheRootAreQuarantinedAndNeverPublished()
      throws Exception {
    Path secret = Files.writeString(dir.resolve("outside-secret.csv"), "top secret");
    Files.createSymbolicLink(inbox().resolve("link.csv"), secret);
    put("..\\..\\evil.csv", "x".getBytes(StandardCharsets.UTF_8));
    put(SftpTestServer.UNREADABLE_PREFIX + "a.csv", "y".getBytes(StandardCharsets.UTF_8));
    SftpPoller poller = poller(config(password(), known()));
    poller.pollOnce();
    assertThat(poller.pollOnce()).isEqualTo(new PollSummary(0, 0, 3, 0, 0, 0));

    assertThat(producer.history()).isEmpty();
    assertThat(names(inbox())).isEmpty();
    assertThat(names(quarantine()))
        .containsExactlyInAnyOrder("link.csv", ".._.._evil.csv", "locked-a.csv");
    assertThat(Files.readString(secret)).isEqualTo("top secret");
    assertThat(audit())
        .filteredOn(e -> e.outcome() == AuditOutcome.QUARANTINED)
        .extracting(AuditEntry::detail)
        .anyMatch(d -> d.startsWith("symbolic link leading outside the root folder"))
        .anyMatch(d -> d.startsWith("unsafe file name"))
        .anyMatch(d -> d.startsWith("unreadable: permission denied"));
  }

  @Test
  void atMostMaxFilesPerPollAreTakenTheRestAreDeferred() throws Exception {
    for (int i = 0; i < 5; i++) {
      put("f" + i + ".csv", ("file " + i).getBytes(StandardCharsets.UTF_8));
    }
    SftpPoller poller = poller(config(password(), known(), limits(1024, 2)));
    assertThat(poller.pollOnce()).isEqualTo(new PollSummary(0, 0, 0, 5, 0, 0));
    assertThat(poller.pollOnce()).isEqualTo(new PollSummary(2, 0, 0, 0, 3, 0));
    assertThat(poller.pollOnce()).isEqualTo(new PollSummary(2, 0, 0, 0, 1, 0));
    assertThat(poller.pollOnce()).isEqualTo(new PollSummary(1, 0, 0, 0, 0, 0));
    assertThat(records()).hasSize(5);
    assertThat(names(archive())).hasSize(5);
  }

  @Test
  void aListingIsCappedAndTheCapIsAudited() throws Exception {
    for (int i = 0; i <= SftpPoller.MAX_LISTED_ENTRIES; i++) {
      Files.write(inbox().resolve("f" + i + ".csv"), new byte[0]);
    }
    PollSummary summary = poller(config(password(), known())).pollOnce();
    // "." and ".." may take two of the listed places
    assertThat(summary.waitingForStability())
        .isBetween(SftpPoller.MAX_LISTED_ENTRIES - 2, SftpPoller.MAX_LISTED_ENTRIES);
    assertThat(audit())
        .singleElement()
        .satisfies(
            e -> assertThat(e.detail()).contains("more than " + SftpPoller.MAX_LISTED_ENTRIES));
  }

  @Test
  void aKnownHostsFileOverTheLimitIsNotRead() throws Exception {
    Path huge = dir.resolve("known_hosts");
    Files.write(huge, new byte[SftpSourceConfig.MAX_KNOWN_HOSTS_BYTES + 1]);
    SftpPoller poller = poller(config(password(), HostKeyTrust.file(huge.toString())));
    assertThatThrownBy(poller::pollOnce)
        .isInstanceOfSatisfying(
            SftpConnectionException.class,
            e ->
                assertThat(e.reason())
                    .isEqualTo(SftpConnectionException.Reason.KNOWN_HOSTS_UNAVAILABLE));
  }

  @Test
  void readsStopAtTheLimitAndNamesWithWildcardsAreTakenLiterally() throws Exception {
    put("a*.csv", "0123456789".getBytes(StandardCharsets.UTF_8));
    put("ab.csv", "other".getBytes(StandardCharsets.UTF_8));
    try (RemoteFolder folder =
        RemoteFolder.open(config(password(), known()), secrets, KnownHostKeys.newPinStore())) {
      assertThat(folder.read("/inbox/a*.csv", 9))
          .isInstanceOf(RemoteFolder.Download.TooLarge.class);
      assertThat(folder.read("/inbox/a*.csv", 10))
          .isInstanceOfSatisfying(
              RemoteFolder.Download.Complete.class,
              c -> assertThat(c.bytes()).isEqualTo("0123456789".getBytes(StandardCharsets.UTF_8)));
      assertThat(folder.lstat("/inbox/missing.csv")).isEmpty();
    }
  }

  // ---- fixtures ----

  private SftpSourceConfig config(SftpAuthentication auth, HostKeyTrust trust) {
    return config(
        auth,
        trust,
        limits(SftpSourceConfig.MAX_FILE_BYTES_CEILING, SftpLimits.DEFAULT_MAX_FILES_PER_POLL));
  }

  private SftpSourceConfig config(SftpAuthentication auth, HostKeyTrust trust, SftpLimits limits) {
    return new SftpSourceConfig(
        tenant,
        "adyen",
        "127.0.0.1",
        server.port(),
        SftpTestServer.USER,
        auth,
        trust,
        "/inbox",
        List.of("*.csv"),
        "/archive",
        "/inbox/quarantine",
        "adyen",
        null,
        limits);
  }

  private static SftpLimits limits(long maxBytes, int maxFiles) {
    return new SftpLimits(
        maxBytes, maxFiles, Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ZERO);
  }

  private static SftpAuthentication password() {
    return new SftpAuthentication.Password("env:SFTP_PASSWORD");
  }

  private HostKeyTrust known() {
    return HostKeyTrust.inline(server.knownHostsLine());
  }

  private SftpPoller poller(SftpSourceConfig config) {
    return poller(config, RuntimeMode.PRODUCTION);
  }

  /** A fresh poller on the same database, as after a restart of the process. */
  private SftpPoller poller(SftpSourceConfig config, RuntimeMode mode) {
    TenantTransactions tx = new TenantTransactions(database);
    return new SftpPoller(
        config,
        mode,
        new RawRecordPublisher(producer, Topics.RAW),
        new ConnectorOffsets(tx),
        new PublishedObjects(tx),
        new ConnectorAuditLog(tx),
        secrets,
        Clock.systemUTC());
  }

  private void authorize(KeyPair key) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    key.writePublicKey(out, "it");
    Files.write(authorizedKeys, out.toByteArray());
  }

  private static String privateKey(KeyPair key, String passphrase) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (passphrase == null) {
      key.writePrivateKey(out);
    } else {
      key.writePrivateKey(out, passphrase.getBytes(StandardCharsets.UTF_8));
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private Path inbox() {
    return server.root().resolve("inbox");
  }

  private Path archive() {
    return server.root().resolve("archive");
  }

  private Path quarantine() {
    return inbox().resolve("quarantine");
  }

  private void put(String name, byte[] content) throws Exception {
    Files.write(inbox().resolve(name), content);
  }

  private static List<String> names(Path folder) throws Exception {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .filter(p -> Files.isSymbolicLink(p) || Files.isRegularFile(p))
          .map(p -> p.getFileName().toString())
          .sorted()
          .toList();
    }
  }

  private List<RawRecord> records() {
    List<RawRecord> out = new ArrayList<>();
    producer.history().forEach(r -> out.add(CODEC.decode(r.value())));
    return out;
  }

  private static byte[] bytes(RawRecord r) {
    java.nio.ByteBuffer b = r.getPayload().duplicate();
    byte[] out = new byte[b.remaining()];
    b.get(out);
    return out;
  }

  private List<AuditEntry> audit() {
    return new ConnectorAuditLog(new TenantTransactions(db.app())).recent(tenant, 100);
  }

  private String stage() {
    return new ConnectorOffsets(new TenantTransactions(db.app()))
        .load(tenant, "sftp:adyen", "progress:/inbox")
        .orElseThrow()
        .get("stage");
  }
}
