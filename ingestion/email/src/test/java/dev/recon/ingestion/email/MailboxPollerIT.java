package dev.recon.ingestion.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.recon.ingestion.publish.PublishFailedException;
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
import jakarta.mail.Flags;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The poller against a real IMAPS server (GreenMail on 127.0.0.1, certificate for 127.0.0.1 made in
 * the test and trusted through the poller's {@link ImapTls}), a real PostgreSQL for offsets, dedupe
 * and audit, and Kafka's MockProducer.
 */
@Timeout(120)
class MailboxPollerIT {

  static {
    TestTls.installForGreenMail(); // before the extension starts the first server
  }

  private static final String PASSWORD = "imap-password-for-tests";
  private static final String PSP_SENDER = "reports@psp.test";
  private static final AvroCodec<RawRecord> CODEC = AvroCodec.of(RawRecord.class);
  private static final AtomicInteger TENANTS = new AtomicInteger();

  @RegisterExtension
  static final GreenMailExtension GREENMAIL =
      new GreenMailExtension(
              new ServerSetup[] {
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAPS),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)
              })
          .withPerMethodLifecycle(true);

  @TempDir static Path dir;
  static EmbeddedConnectorState db;
  static TenantTransactions tx;

  private final Clock clock = Clock.fixed(Instant.parse("2026-11-25T09:00:00Z"), ZoneOffset.UTC);
  private final SecretResolver secrets =
      new SecretResolver(
          List.of(new EnvironmentSecrets(Map.of("IMAP_PASSWORD", PASSWORD))), Duration.ZERO, clock);
  private String tenant;
  private ImapTls tls;

  @BeforeAll
  static void startDatabase() throws Exception {
    db = EmbeddedConnectorState.start(dir.resolve("pg"));
    tx = new TenantTransactions(db.app());
  }

  @AfterAll
  static void stopDatabase() throws IOException {
    db.close();
  }

  @BeforeEach
  void freshTenantAndMailbox() throws Exception {
    tenant = "mail-t" + TENANTS.incrementAndGet();
    GREENMAIL.setUser(TestMails.MAILBOX, "recon", PASSWORD);
    tls = TestTls.trustingGreenMail();
  }

  private MailboxConfig.Builder config() {
    return MailboxConfig.builder()
        .tenantId(tenant)
        .host("127.0.0.1")
        .port(GREENMAIL.getImaps().getPort())
        .username("recon")
        .passwordSecret("env:IMAP_PASSWORD")
        .allowedSenders(List.of(PSP_SENDER, "@bank.test"))
        .processedFolder("Processed")
        .rejectedFolder("Rejected")
        .psp("adyen");
  }

  private static MockProducer<String, byte[]> producer() {
    return new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
  }

  private MailboxPoller poller(MailboxConfig config, MockProducer<String, byte[]> producer) {
    return new MailboxPoller(
        config,
        new RawRecordPublisher(producer, "recon.raw"),
        new ConnectorOffsets(tx),
        new PublishedObjects(tx),
        new ConnectorAuditLog(tx),
        secrets,
        clock,
        tls);
  }

  private static List<RawRecord> records(MockProducer<String, byte[]> producer) {
    return producer.history().stream().map(r -> CODEC.decode(r.value())).toList();
  }

  private static byte[] payload(RawRecord r) {
    ByteBuffer b = r.getPayload().duplicate();
    byte[] bytes = new byte[b.remaining()];
    b.get(bytes);
    return bytes;
  }

  private MailboxClient client(MailboxConfig config) throws Exception {
    return new MailboxClient(config, tls, PASSWORD);
  }

  private void deliver(jakarta.mail.internet.MimeMessage m) {
    GREENMAIL.getUserManager().getUser("recon").deliver(m);
  }

  private List<AuditEntry> audit() {
    return new ConnectorAuditLog(tx).recent(tenant, 100);
  }

  private static TestMails.Attachment csv(String name, String content) {
    return new TestMails.Attachment(name, "text/csv", content.getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void anAllowedSendersCsvIsPublishedOnceWithItsBytesIntactAndTheMessageMoved() throws Exception {
    byte[] crlfNoFinalNewline =
        "psp_reference,amount,currency\r\nA1,1050,EUR\r\nA2,99,EUR"
            .getBytes(StandardCharsets.US_ASCII);
    byte[] latin1 = "ref;name\nB1;Société Générale\n".getBytes(StandardCharsets.ISO_8859_1);
    deliver(
        TestMails.mail(
            PSP_SENDER,
            "Settlement 2026-11-24",
            new TestMails.Attachment("settlement.csv", "text/csv", crlfNoFinalNewline),
            new TestMails.Attachment(
                "bank.csv", "text/csv; charset=iso-8859-1", latin1, "base64")));
    MailboxConfig config = config().build();
    MockProducer<String, byte[]> producer = producer();

    PollSummary first = poller(config, producer).pollOnce();

    assertThat(first.attachmentsPublished()).isEqualTo(2);
    assertThat(first.messagesProcessed()).isEqualTo(1);
    List<RawRecord> records = records(producer);
    assertThat(records).hasSize(2);
    RawRecord settlement = records.get(0);
    assertThat(payload(settlement)).isEqualTo(crlfNoFinalNewline);
    assertThat(payload(records.get(1))).isEqualTo(latin1);
    assertThat(settlement.getProvenance().getFileName()).isEqualTo("settlement.csv");
    assertThat(settlement.getProvenance().getSource()).isEqualTo("email:INBOX");
    assertThat(settlement.getProvenance().getTenantId()).isEqualTo(tenant);
    assertThat(settlement.getPsp()).isEqualTo("adyen");
    assertThat(producer.history().get(0).key()).isEqualTo(tenant);
    assertThat(first.publishedRawIds())
        .containsExactly(settlement.getRawId(), records.get(1).getRawId());

    try (MailboxClient client = client(config)) {
      assertThat(client.count("INBOX")).isZero();
      assertThat(client.count("Processed")).isEqualTo(1);
      assertThat(client.flags("Processed").get(0).contains(config.processedKeyword())).isTrue();
    }

    PollSummary second = poller(config, producer).pollOnce();
    assertThat(second.messagesExamined()).isZero();
    assertThat(producer.history()).hasSize(2);
    assertThat(audit())
        .filteredOn(e -> e.outcome() == AuditOutcome.ACCEPTED && e.action().equals("attachment"))
        .hasSize(2);
  }

  @Test
  void theSameFileMailedAgainIsNotPublishedAgain() throws Exception {
    deliver(TestMails.mail(PSP_SENDER, "report", csv("r.csv", "a,b\r\n1,2\r\n")));
    deliver(TestMails.mail(PSP_SENDER, "report (resent)", csv("r.csv", "a,b\r\n1,2\r\n")));
    MockProducer<String, byte[]> producer = producer();

    PollSummary summary = poller(config().build(), producer).pollOnce();

    assertThat(summary.messagesProcessed()).isEqualTo(2);
    assertThat(summary.attachmentsPublished()).isEqualTo(1);
    assertThat(summary.attachmentsDuplicate()).isEqualTo(1);
    assertThat(producer.history()).hasSize(1);
    assertThat(audit()).anySatisfy(e -> assertThat(e.outcome()).isEqualTo(AuditOutcome.DUPLICATE));
  }

  @Test
  void aMessageFromAnUnknownSenderIsRejectedAuditedAndNeverPublished() throws Exception {
    deliver(TestMails.mail("mallory@evil.test", "urgent", csv("payouts.csv", "a,b\r\n")));
    MailboxConfig config = config().build();
    MockProducer<String, byte[]> producer = producer();

    PollSummary summary = poller(config, producer).pollOnce();

    assertThat(summary.messagesRejected()).isEqualTo(1);
    assertThat(producer.history()).isEmpty();
    assertThat(audit())
        .filteredOn(e -> e.outcome() == AuditOutcome.REJECTED)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.action()).isEqualTo("message");
              assertThat(e.detail()).contains("evil.test").doesNotContain("mallory");
              assertThat(e.detail()).contains("moved to Rejected");
            });
    try (MailboxClient client = client(config)) {
      assertThat(client.count("INBOX")).isZero();
      assertThat(client.count("Rejected")).isEqualTo(1);
      assertThat(client.count("Processed")).isZero();
    }
  }

  @Test
  void withoutTargetFoldersMessagesStayFlaggedAndAreNotReadAgain() throws Exception {
    deliver(TestMails.mail(PSP_SENDER, "ok", csv("a.csv", "a\r\n")));
    deliver(TestMails.mail("x@evil.test", "bad", csv("b.csv", "b\r\n")));
    MailboxConfig config = config().processedFolder(null).rejectedFolder(null).build();
    MockProducer<String, byte[]> producer = producer();

    PollSummary summary = poller(config, producer).pollOnce();

    assertThat(summary.messagesProcessed()).isEqualTo(1);
    assertThat(summary.messagesRejected()).isEqualTo(1);
    try (MailboxClient client = client(config)) {
      List<Flags> flags = client.flags("INBOX");
      assertThat(flags).hasSize(2);
      assertThat(flags.get(0).contains(config.processedKeyword())).isTrue();
      assertThat(flags.get(1).contains(config.rejectedKeyword())).isTrue();
      assertThat(flags.get(0).contains(Flags.Flag.SEEN)).isFalse();
    }
    // even with the offset lost, the flags keep both messages from being handled again
    new ConnectorOffsets(tx)
        .save(
            tenant, config.connectorId(), config.folder(), Map.of("uidvalidity", "1", "uid", "0"));
    PollSummary again = poller(config, producer).pollOnce();
    assertThat(again.messagesSkipped()).isEqualTo(2);
    assertThat(producer.history()).hasSize(1);
  }

  @Test
  void aZipWithTwoCsvsBecomesTwoRecords() throws Exception {
    byte[] a = "id,amount\r\n1,100".getBytes(StandardCharsets.US_ASCII);
    byte[] b = "id,amount\r\n2,200\r\n".getBytes(StandardCharsets.US_ASCII);
    byte[] zip = TestZips.zip(TestZips.entries("a.csv", a, "b.csv", b));
    deliver(
        TestMails.mail(
            PSP_SENDER, "batch", new TestMails.Attachment("batch.zip", "application/zip", zip)));
    MockProducer<String, byte[]> producer = producer();

    PollSummary summary = poller(config().build(), producer).pollOnce();

    assertThat(summary.attachmentsPublished()).isEqualTo(2);
    List<RawRecord> records = records(producer);
    assertThat(records)
        .extracting(r -> r.getProvenance().getFileName())
        .containsExactly("batch.zip!/a.csv", "batch.zip!/b.csv");
    assertThat(payload(records.get(0))).isEqualTo(a);
    assertThat(payload(records.get(1))).isEqualTo(b);
  }

  @Test
  void aZipBombIsRefusedAndTheMessageRejected() throws Exception {
    byte[] bomb = TestZips.bomb("payouts.csv", 50);
    deliver(
        TestMails.mail(
            PSP_SENDER, "bomb", new TestMails.Attachment("payouts.zip", "application/zip", bomb)));
    MailboxConfig config = config().build();
    MockProducer<String, byte[]> producer = producer();

    PollSummary summary = poller(config, producer).pollOnce();

    assertThat(producer.history()).isEmpty();
    assertThat(summary.attachmentsRefused()).isEqualTo(1);
    assertThat(summary.messagesRejected()).isEqualTo(1);
    assertThat(audit())
        .anySatisfy(
            e -> {
              assertThat(e.action()).isEqualTo("attachment");
              assertThat(e.outcome()).isEqualTo(AuditOutcome.REJECTED);
              assertThat(e.detail()).startsWith("ZIP_COMPRESSION_RATIO");
            });
    try (MailboxClient client = client(config)) {
      assertThat(client.count("Rejected")).isEqualTo(1);
    }
  }

  @Test
  void anOversizedAttachmentIsRefusedWhileTheRestOfTheMessageIsTaken() throws Exception {
    deliver(
        TestMails.mail(
            PSP_SENDER,
            "two files",
            csv("small.csv", "a,b\r\n1,2\r\n"),
            new TestMails.Attachment("big.csv", "text/csv", TestZips.randomCsv(4_000, 9))));
    MailboxConfig config =
        config().limits(MailLimits.defaults().withMaxAttachmentBytes(1_000)).build();
    MockProducer<String, byte[]> producer = producer();

    PollSummary summary = poller(config, producer).pollOnce();

    assertThat(records(producer))
        .extracting(r -> r.getProvenance().getFileName())
        .containsExactly("small.csv");
    assertThat(summary.attachmentsRefused()).isEqualTo(1);
    assertThat(audit())
        .anySatisfy(
            e -> {
              assertThat(e.subject()).endsWith("big.csv");
              assertThat(e.detail()).startsWith("TOO_LARGE");
            });
  }

  @Test
  void aMessageOverTheSizeLimitIsRejectedUnread() throws Exception {
    deliver(
        TestMails.mail(
            PSP_SENDER,
            "huge",
            new TestMails.Attachment("big.csv", "text/csv", TestZips.randomCsv(20_000, 5))));
    MailboxConfig config =
        config().limits(MailLimits.defaults().withMaxMessageBytes(10_000)).build();
    MockProducer<String, byte[]> producer = producer();

    PollSummary summary = poller(config, producer).pollOnce();

    assertThat(summary.messagesRejected()).isEqualTo(1);
    assertThat(producer.history()).isEmpty();
    assertThat(audit()).anySatisfy(e -> assertThat(e.detail()).contains("over the limit of 10000"));
  }

  @Test
  void theMessagesPerPollLimitLeavesTheRestForTheNextPoll() throws Exception {
    deliver(TestMails.mail(PSP_SENDER, "m1", csv("m1.csv", "1\r\n")));
    deliver(TestMails.mail(PSP_SENDER, "m2", csv("m2.csv", "2\r\n")));
    MailboxConfig config = config().limits(MailLimits.defaults().withMaxMessagesPerPoll(1)).build();
    MockProducer<String, byte[]> producer = producer();

    PollSummary first = poller(config, producer).pollOnce();
    PollSummary second = poller(config, producer).pollOnce();
    PollSummary third = poller(config, producer).pollOnce();

    assertThat(first.messagesExamined()).isEqualTo(1);
    assertThat(second.messagesExamined()).isEqualTo(1);
    assertThat(third.messagesExamined()).isZero();
    assertThat(records(producer))
        .extracting(r -> r.getProvenance().getFileName())
        .containsExactly("m1.csv", "m2.csv");
  }

  @Test
  void plainImapWorksOnlyWithTheDevelopmentFlag() throws Exception {
    deliver(TestMails.mail(PSP_SENDER, "m1", csv("m1.csv", "1\r\n")));
    int plainPort = GREENMAIL.getImap().getPort();
    MockProducer<String, byte[]> producer = producer();

    assertThatThrownBy(() -> poller(config().port(plainPort).build(), producer).pollOnce())
        .isInstanceOf(MailboxPollException.class);
    assertThat(producer.history()).isEmpty();

    PollSummary dev =
        poller(config().port(plainPort).plainImapForDevelopmentOnly(true).build(), producer)
            .pollOnce();
    assertThat(dev.attachmentsPublished()).isEqualTo(1);
  }

  /** Kafka stops acknowledging after {@code acks} records, like a broker going away mid-poll. */
  private static final class AcksThenFails extends MockProducer<String, byte[]> {
    private int acks;

    AcksThenFails(int acks) {
      super(true, null, new StringSerializer(), new ByteArraySerializer());
      this.acks = acks;
    }

    @Override
    public synchronized Future<RecordMetadata> send(
        ProducerRecord<String, byte[]> record, Callback callback) {
      if (acks-- <= 0) {
        return CompletableFuture.failedFuture(
            new org.apache.kafka.common.errors.TimeoutException("broker unreachable"));
      }
      return super.send(record, callback);
    }
  }

  @Test
  void aRestartAfterAFailureMidMessageResumesByUidWithNothingLostOrDoubled() throws Exception {
    deliver(TestMails.mail(PSP_SENDER, "m1", csv("m1.csv", "1\r\n")));
    deliver(TestMails.mail(PSP_SENDER, "m2", csv("m2a.csv", "2a\r\n"), csv("m2b.csv", "2b\r\n")));
    deliver(TestMails.mail(PSP_SENDER, "m3", csv("m3.csv", "3\r\n")));
    MailboxConfig config = config().processedFolder(null).build();

    // m1 and the first file of m2 are acknowledged, then Kafka goes away
    AcksThenFails failing = new AcksThenFails(2);
    assertThatThrownBy(() -> poller(config, failing).pollOnce())
        .isInstanceOf(PublishFailedException.class);
    MailboxOffset afterCrash =
        MailboxOffset.fromMap(
            new ConnectorOffsets(tx).load(tenant, config.connectorId(), "INBOX").orElseThrow());
    try (MailboxClient client = client(config)) {
      List<Flags> flags = client.flags("INBOX");
      assertThat(flags.get(0).contains(config.processedKeyword())).isTrue();
      assertThat(flags.get(1).contains(config.processedKeyword())).isFalse();
    }
    assertThat(audit()).anySatisfy(e -> assertThat(e.outcome()).isEqualTo(AuditOutcome.FAILED));

    MockProducer<String, byte[]> healthy = producer();
    PollSummary resumed = poller(config, healthy).pollOnce();

    assertThat(resumed.messagesExamined()).isEqualTo(2); // m1 is behind the stored UID
    assertThat(resumed.lastUid()).isGreaterThan(afterCrash.lastUid());
    assertThat(resumed.attachmentsDuplicate()).isEqualTo(1); // m2a made it before the failure
    List<String> all =
        java.util.stream.Stream.concat(records(failing).stream(), records(healthy).stream())
            .map(r -> r.getProvenance().getFileName())
            .toList();
    assertThat(all).containsExactlyInAnyOrder("m1.csv", "m2a.csv", "m2b.csv", "m3.csv");
  }

  @Test
  void aChangedUidValidityRescansTheFolderWithoutPublishingAnythingTwice() throws Exception {
    deliver(TestMails.mail(PSP_SENDER, "m1", csv("m1.csv", "1\r\n")));
    deliver(TestMails.mail(PSP_SENDER, "m2", csv("m2.csv", "2\r\n")));
    MailboxConfig config = config().processedFolder(null).build();
    MockProducer<String, byte[]> producer = producer();
    PollSummary first = poller(config, producer).pollOnce();
    assertThat(first.attachmentsPublished()).isEqualTo(2);

    // the server was rebuilt: a new UIDVALIDITY epoch, keywords lost, one new message whose UID
    // is below the stored one
    ConnectorOffsets offsets = new ConnectorOffsets(tx);
    offsets.save(
        tenant,
        config.connectorId(),
        "INBOX",
        new MailboxOffset(first.uidValidity() == 1 ? 2 : first.uidValidity() - 1, 1_000).toMap());
    try (MailboxClient client = client(config)) {
      client.clearKeyword("INBOX", config.processedKeyword());
    }
    deliver(TestMails.mail(PSP_SENDER, "m3", csv("m3.csv", "3\r\n")));

    PollSummary rescan = poller(config, producer).pollOnce();

    assertThat(rescan.rescanned()).isTrue();
    assertThat(rescan.messagesExamined()).isEqualTo(3);
    assertThat(rescan.attachmentsDuplicate()).isEqualTo(2);
    assertThat(rescan.attachmentsPublished()).isEqualTo(1);
    assertThat(records(producer))
        .extracting(r -> r.getProvenance().getFileName())
        .containsExactly("m1.csv", "m2.csv", "m3.csv");
    assertThat(
            MailboxOffset.fromMap(
                offsets.load(tenant, config.connectorId(), "INBOX").orElseThrow()))
        .isEqualTo(new MailboxOffset(first.uidValidity(), rescan.lastUid()));
    assertThat(audit()).anySatisfy(e -> assertThat(e.action()).isEqualTo("uidvalidity-changed"));
  }

  @Test
  void aServerCertificateNotSignedByATrustedAuthorityIsRefused() throws Exception {
    deliver(TestMails.mail(PSP_SENDER, "m1", csv("m1.csv", "1\r\n")));
    MockProducer<String, byte[]> producer = producer();
    MailboxPoller jvmTrust =
        new MailboxPoller(
            config().build(),
            new RawRecordPublisher(producer, "recon.raw"),
            new ConnectorOffsets(tx),
            new PublishedObjects(tx),
            new ConnectorAuditLog(tx),
            secrets,
            clock);

    assertThatThrownBy(jvmTrust::pollOnce)
        .isInstanceOf(MailboxPollException.class)
        .hasRootCauseInstanceOf(java.security.cert.CertPathBuilderException.class);
    assertThat(producer.history()).isEmpty();
    assertThat(audit()).anySatisfy(e -> assertThat(e.outcome()).isEqualTo(AuditOutcome.FAILED));
  }

  @Test
  void aTrustedCertificateForAnotherHostNameIsRefused() throws Exception {
    KeyStore other = TestTls.keyStore(true);
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(other, TestTls.PASSWORD.toCharArray());
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(kmf.getKeyManagers(), null, null);
    try (SSLServerSocket server =
        (SSLServerSocket)
            context
                .getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}))) {
      server.setSoTimeout(60_000); // a guard against a hang, not an assertion
      Thread acceptor =
          new Thread(
              () -> {
                try (SSLSocket s = (SSLSocket) server.accept()) {
                  s.startHandshake();
                } catch (IOException expected) {
                  // the client aborts the handshake
                }
              });
      acceptor.start();
      MailboxConfig config = config().port(server.getLocalPort()).build();
      tls = TestTls.trustingOtherHost();

      assertThatThrownBy(() -> poller(config, producer()).pollOnce())
          .isInstanceOf(MailboxPollException.class)
          .hasStackTraceContaining("No subject alternative names matching IP address 127.0.0.1");
      acceptor.join();
    }
  }
}
