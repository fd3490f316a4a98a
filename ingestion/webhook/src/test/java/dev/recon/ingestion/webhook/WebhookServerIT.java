package dev.recon.ingestion.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recon.ingestion.publish.RawRecordPublisher;
import dev.recon.ingestion.secret.EnvironmentSecrets;
import dev.recon.ingestion.secret.SecretResolver;
import dev.recon.ingestion.store.AuditEntry;
import dev.recon.ingestion.store.AuditOutcome;
import dev.recon.ingestion.store.ConnectorAuditLog;
import dev.recon.ingestion.store.PublishedObjects;
import dev.recon.ingestion.store.TenantTransactions;
import dev.recon.ingestion.testing.EmbeddedConnectorState;
import dev.recon.ingestion.webhook.config.PspWebhook;
import dev.recon.ingestion.webhook.config.SignatureScheme;
import dev.recon.ingestion.webhook.config.TenantWebhooks;
import dev.recon.ingestion.webhook.config.WebhookSettings;
import dev.recon.schemas.RawRecord;
import dev.recon.schemas.kafka.AvroCodec;
import dev.recon.schemas.kafka.Topics;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real server on 127.0.0.1 (Jetty via Javalin), real HTTP requests, connector state in an
 * embedded PostgreSQL through the RLS-bound app role, Kafka as a MockProducer.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class WebhookServerIT {

  static final String ADYEN_KEY =
      "00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF";
  static final Duration SECRET_TTL = Duration.ofSeconds(60);

  @TempDir static Path dir;
  static EmbeddedConnectorState db;
  static FlakyProducer producer;
  static MutableClock clock;
  static Map<String, String> environment;
  static WebhookServer server;
  static ConnectorAuditLog audit;
  static PublishedObjects published;
  static HttpClient http;

  @BeforeAll
  static void start() throws Exception {
    db = EmbeddedConnectorState.start(dir.resolve("pg"));
    TenantTransactions tx = new TenantTransactions(db.app());
    audit = new ConnectorAuditLog(tx);
    published = new PublishedObjects(tx);
    producer = new FlakyProducer();
    clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    environment = new ConcurrentHashMap<>();
    environment.put("ACME_STRIPE", "whsec_acme");
    environment.put("ACME_ADYEN", ADYEN_KEY);
    environment.put("PAYPAL_NEW", "paypal-new");
    environment.put("PAYPAL_OLD", "paypal-old");
    environment.put("AIRTEL_HASH", "airtel-hash-key");
    environment.put("SMALL_STRIPE", "whsec_small");
    environment.put("THROTTLED_STRIPE", "whsec_throttled");
    environment.put("ROTATING_STRIPE", "whsec_before_rotation");
    SecretResolver secrets =
        new SecretResolver(List.of(new EnvironmentSecrets(environment)), SECRET_TTL, clock);
    WebhookSettings settings =
        new WebhookSettings(
            "127.0.0.1",
            0,
            List.of(
                new TenantWebhooks(
                    "acme",
                    List.of(
                        PspWebhook.of("stripe", SignatureScheme.STRIPE, "env:ACME_STRIPE"),
                        PspWebhook.of("adyen", SignatureScheme.ADYEN, "env:ACME_ADYEN"),
                        new PspWebhook(
                            "paypal",
                            SignatureScheme.GENERIC_HMAC,
                            List.of("env:PAYPAL_NEW", "env:PAYPAL_OLD"),
                            true),
                        PspWebhook.of("mtn-momo", SignatureScheme.MTN_MOMO),
                        PspWebhook.of("airtel", SignatureScheme.AIRTEL, "env:AIRTEL_HASH")),
                    1000,
                    TenantWebhooks.DEFAULT_MAX_BODY_BYTES),
                new TenantWebhooks(
                    "small",
                    List.of(PspWebhook.of("stripe", SignatureScheme.STRIPE, "env:SMALL_STRIPE")),
                    1000,
                    1024),
                new TenantWebhooks(
                    "throttled",
                    List.of(
                        PspWebhook.of("stripe", SignatureScheme.STRIPE, "env:THROTTLED_STRIPE")),
                    2,
                    TenantWebhooks.DEFAULT_MAX_BODY_BYTES),
                TenantWebhooks.withDefaults(
                    "rotating",
                    PspWebhook.of("stripe", SignatureScheme.STRIPE, "env:ROTATING_STRIPE"))));
    server =
        WebhookServer.start(
            settings,
            WebhookCollaborators.of(
                new RawRecordPublisher(producer, Topics.RAW), tx, secrets, clock));
    http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
    if (db != null) {
      db.close();
    }
  }

  // ---- helpers --------------------------------------------------------------------------------

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] hmac(String key, byte[]... parts) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(utf8(key), "HmacSHA256"));
    for (byte[] part : parts) {
      mac.update(part);
    }
    return mac.doFinal();
  }

  static byte[] stripeEvent(String id) {
    return utf8(
        "{\"id\":\""
            + id
            + "\",\"object\":\"event\",\"type\":\"charge.succeeded\",\"data\":{\"object\":"
            + "{\"amount\":2599,\"currency\":\"usd\"}}}");
  }

  static String stripeHeader(String secret, byte[] body, Instant signedAt) throws Exception {
    long t = signedAt.getEpochSecond();
    return "t=" + t + ",v1=" + HexFormat.of().formatHex(hmac(secret, utf8(t + "."), body));
  }

  static HttpResponse<String> post(String path, byte[] body, String... headers) throws Exception {
    return send(
        path, "POST", HttpRequest.BodyPublishers.ofByteArray(body), "application/json", headers);
  }

  static HttpResponse<String> send(
      String path,
      String method,
      HttpRequest.BodyPublisher body,
      String contentType,
      String... headers)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .timeout(Duration.ofSeconds(60))
            .method(method, body);
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> postStripe(String tenant, String secret, byte[] body)
      throws Exception {
    return post(
        "/webhooks/" + tenant + "/stripe",
        body,
        "Stripe-Signature",
        stripeHeader(secret, body, clock.instant()));
  }

  static List<RawRecord> records(String tenant) {
    AvroCodec<RawRecord> codec = AvroCodec.of(RawRecord.class);
    return producer.history().stream()
        .filter(r -> r.key().equals(tenant))
        .map(r -> codec.decode(r.value()))
        .toList();
  }

  static long recordsWithFile(String tenant, String fileName) {
    return records(tenant).stream()
        .filter(r -> fileName.equals(r.getProvenance().getFileName()))
        .count();
  }

  static AuditEntry lastAudit(String tenant) {
    return audit.recent(tenant, 1).get(0);
  }

  static byte[] payload(RawRecord raw) {
    byte[] bytes = new byte[raw.getPayload().remaining()];
    raw.getPayload().duplicate().get(bytes);
    return bytes;
  }

  // ---- tests ----------------------------------------------------------------------------------

  @Test
  void aValidStripeEventIsPublishedOnceWithItsRawBytesAndAcknowledgedAfterward() throws Exception {
    byte[] body = stripeEvent("evt_valid_1");
    HttpResponse<String> first = postStripe("acme", "whsec_acme", body);

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(recordsWithFile("acme", "webhook-evt_valid_1.json")).isEqualTo(1);
    RawRecord raw =
        records("acme").stream()
            .filter(r -> "webhook-evt_valid_1.json".equals(r.getProvenance().getFileName()))
            .findFirst()
            .orElseThrow();
    assertThat(payload(raw)).isEqualTo(body);
    assertThat(raw.getProvenance().getSource()).isEqualTo("webhook:stripe");
    assertThat(raw.getProvenance().getTenantId()).isEqualTo("acme");
    assertThat(raw.getPsp()).isEqualTo("stripe");
    assertThat(raw.getFormatHint()).isEqualTo("stripe-webhook");
    assertThat(raw.getProvenance().getCorrelationId())
        .isEqualTo(first.headers().firstValue(WebhookReceiver.CORRELATION_HEADER).orElseThrow());
    assertThat(published.find("acme", "webhook:stripe", "evt_valid_1")).isPresent();
    assertThat(lastAudit("acme").outcome()).isEqualTo(AuditOutcome.ACCEPTED);

    HttpResponse<String> again = postStripe("acme", "whsec_acme", body);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(recordsWithFile("acme", "webhook-evt_valid_1.json")).isEqualTo(1);
    assertThat(lastAudit("acme").outcome()).isEqualTo(AuditOutcome.DUPLICATE);
  }

  @Test
  void aTamperedBodyIsRefusedAuditedAndNeverPublished() throws Exception {
    byte[] signed = stripeEvent("evt_tampered");
    String header = stripeHeader("whsec_acme", signed, clock.instant());
    byte[] tampered = utf8(new String(signed, StandardCharsets.UTF_8).replace("2599", "9999"));
    int before = producer.history().size();

    HttpResponse<String> response =
        post("/webhooks/acme/stripe", tampered, "Stripe-Signature", header);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).isEqualTo("signature rejected");
    assertThat(producer.history()).hasSize(before);
    AuditEntry entry = lastAudit("acme");
    assertThat(entry.outcome()).isEqualTo(AuditOutcome.REJECTED);
    assertThat(entry.connectorId()).isEqualTo("webhook:stripe");
    assertThat(entry.detail()).startsWith("SIGNATURE_INVALID");
    assertThat(entry.subject()).isEqualTo("POST /webhooks/acme/stripe");
  }

  @Test
  void aMissingSignatureIsRefused() throws Exception {
    int before = producer.history().size();
    HttpResponse<String> response = post("/webhooks/acme/stripe", stripeEvent("evt_unsigned"));
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(producer.history()).hasSize(before);
    assertThat(lastAudit("acme").detail()).startsWith("SIGNATURE_MISSING");
  }

  @Test
  void aStaleTimestampIsRefusedAsAReplay() throws Exception {
    byte[] body = stripeEvent("evt_stale");
    int before = producer.history().size();
    HttpResponse<String> response =
        post(
            "/webhooks/acme/stripe",
            body,
            "Stripe-Signature",
            stripeHeader("whsec_acme", body, clock.instant().minusSeconds(301)));
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(producer.history()).hasSize(before);
    assertThat(lastAudit("acme").detail()).startsWith("TIMESTAMP_STALE");
  }

  @Test
  void anUnknownTenantIs404AuditedUnderTheUnknownTenant() throws Exception {
    byte[] body = stripeEvent("evt_nobody");
    int before = producer.history().size();
    HttpResponse<String> response = postStripe("nobody", "whsec_acme", body);
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(producer.history()).hasSize(before);
    AuditEntry entry = lastAudit(ConnectorAuditLog.UNKNOWN_TENANT);
    assertThat(entry.subject()).isEqualTo("POST /webhooks/nobody/stripe");
    assertThat(entry.outcome()).isEqualTo(AuditOutcome.REJECTED);
    assertThat(entry.detail()).startsWith("UNKNOWN_TENANT");
  }

  @Test
  void aPspTheTenantDidNotEnableIs404AuditedUnderTheTenant() throws Exception {
    HttpResponse<String> response = post("/webhooks/acme/braintree", stripeEvent("evt_bt"));
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(lastAudit("acme").detail()).startsWith("UNKNOWN_PSP");
  }

  @Test
  void aBodyOverTheLimitIs413WhetherDeclaredOrChunked() throws Exception {
    int before = producer.history().size();
    byte[] big = new byte[2048];
    java.util.Arrays.fill(big, (byte) ' ');
    HttpResponse<String> declared =
        post("/webhooks/small/stripe", big, "Stripe-Signature", "t=1,v1=00");
    assertThat(declared.statusCode()).isEqualTo(413);
    assertThat(lastAudit("small").detail()).startsWith("BODY_TOO_LARGE").contains("declared 2048");

    HttpResponse<String> chunked =
        send(
            "/webhooks/small/stripe",
            "POST",
            HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)),
            "application/json");
    assertThat(chunked.statusCode()).isEqualTo(413);
    assertThat(lastAudit("small").detail()).startsWith("BODY_TOO_LARGE").doesNotContain("declared");
    assertThat(producer.history()).hasSize(before);

    byte[] fits = stripeEvent("evt_small_fits");
    assertThat(fits.length).isLessThanOrEqualTo(1024);
    assertThat(postStripe("small", "whsec_small", fits).statusCode()).isEqualTo(200);
  }

  @Test
  void wrongMethodAndContentTypeAreRefusedAndAudited() throws Exception {
    HttpResponse<String> get =
        send("/webhooks/acme/stripe", "GET", HttpRequest.BodyPublishers.noBody(), null);
    assertThat(get.statusCode()).isEqualTo(405);
    assertThat(get.headers().firstValue("Allow")).contains("POST");
    assertThat(lastAudit("acme").detail()).startsWith("METHOD_NOT_ALLOWED");
    assertThat(lastAudit("acme").subject()).isEqualTo("GET /webhooks/acme/stripe");

    byte[] body = stripeEvent("evt_text");
    HttpResponse<String> text =
        send(
            "/webhooks/acme/stripe",
            "POST",
            HttpRequest.BodyPublishers.ofByteArray(body),
            "text/plain",
            "Stripe-Signature",
            stripeHeader("whsec_acme", body, clock.instant()));
    assertThat(text.statusCode()).isEqualTo(415);
    assertThat(lastAudit("acme").detail()).startsWith("UNSUPPORTED_MEDIA_TYPE");
    assertThat(recordsWithFile("acme", "webhook-evt_text.json")).isZero();
  }

  @Test
  void adyenIsAnsweredAcceptedAndDeduplicatedOnPspReferenceEventCodeAndSuccess() throws Exception {
    byte[] body =
        utf8(
            "{\"live\":\"false\",\"notificationItems\":[{\"NotificationRequestItem\":{"
                + "\"additionalData\":{\"hmacSignature\":"
                + "\"GjyX84mr0rYpBPTYPPR723+2N+kuCqXavmCmG/yZdLY=\"},"
                + "\"amount\":{\"currency\":\"USD\",\"value\":2599},\"eventCode\":\"CAPTURE\","
                + "\"eventDate\":\"2026-11-25T10:00:00+01:00\","
                + "\"merchantAccountCode\":\"ReconMerchant\",\"merchantReference\":\"order-42\","
                + "\"pspReference\":\"RECON000000000001\",\"reason\":\"\",\"success\":\"true\"}}]}");
    HttpResponse<String> first = post("/webhooks/acme/adyen", body);
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.body()).isEqualTo("[accepted]");
    String fileName = "webhook-RECON000000000001-CAPTURE-true.json";
    assertThat(recordsWithFile("acme", fileName)).isEqualTo(1);

    HttpResponse<String> again = post("/webhooks/acme/adyen", body);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.body()).isEqualTo("[accepted]");
    assertThat(recordsWithFile("acme", fileName)).isEqualTo(1);

    byte[] tampered = utf8(new String(body, StandardCharsets.UTF_8).replace("2599", "25990"));
    HttpResponse<String> forged = post("/webhooks/acme/adyen", tampered);
    assertThat(forged.statusCode()).isEqualTo(401);
    assertThat(forged.body()).isNotEqualTo("[accepted]");
  }

  @Test
  void aPublishFailureIs503AndTheRetrySucceeds() throws Exception {
    byte[] body = stripeEvent("evt_flaky");
    producer.failNext.set(true);
    HttpResponse<String> failed = postStripe("acme", "whsec_acme", body);
    assertThat(failed.statusCode()).isEqualTo(503);
    assertThat(recordsWithFile("acme", "webhook-evt_flaky.json")).isZero();
    assertThat(published.find("acme", "webhook:stripe", "evt_flaky")).isEmpty();
    assertThat(lastAudit("acme").outcome()).isEqualTo(AuditOutcome.FAILED);
    assertThat(lastAudit("acme").detail()).startsWith("PUBLISH_FAILED");

    HttpResponse<String> retry = postStripe("acme", "whsec_acme", body);
    assertThat(retry.statusCode()).isEqualTo(200);
    assertThat(recordsWithFile("acme", "webhook-evt_flaky.json")).isEqualTo(1);
  }

  @Test
  void overTheTenantsRateIs429() throws Exception {
    assertThat(postStripe("throttled", "whsec_throttled", stripeEvent("evt_t1")).statusCode())
        .isEqualTo(200);
    assertThat(postStripe("throttled", "whsec_throttled", stripeEvent("evt_t2")).statusCode())
        .isEqualTo(200);
    HttpResponse<String> third = postStripe("throttled", "whsec_throttled", stripeEvent("evt_t3"));
    assertThat(third.statusCode()).isEqualTo(429);
    assertThat(third.headers().firstValue("Retry-After")).contains("1");
    assertThat(recordsWithFile("throttled", "webhook-evt_t3.json")).isZero();
    assertThat(lastAudit("throttled").detail()).startsWith("RATE_LIMITED");
    // Another tenant is not affected.
    assertThat(postStripe("acme", "whsec_acme", stripeEvent("evt_not_throttled")).statusCode())
        .isEqualTo(200);

    clock.advance(Duration.ofSeconds(1));
    assertThat(postStripe("throttled", "whsec_throttled", stripeEvent("evt_t3")).statusCode())
        .isEqualTo(200);
  }

  @Test
  void aRotatedSecretIsPickedUpAfterTheCacheTtlWithoutRestart() throws Exception {
    assertThat(postStripe("rotating", "whsec_before_rotation", stripeEvent("evt_r1")).statusCode())
        .isEqualTo(200);

    environment.put("ROTATING_STRIPE", "whsec_after_rotation");
    clock.advance(SECRET_TTL.plusSeconds(1));

    assertThat(postStripe("rotating", "whsec_after_rotation", stripeEvent("evt_r2")).statusCode())
        .isEqualTo(200);
    assertThat(postStripe("rotating", "whsec_before_rotation", stripeEvent("evt_r3")).statusCode())
        .isEqualTo(401);
    assertThat(recordsWithFile("rotating", "webhook-evt_r2.json")).isEqualTo(1);
    assertThat(recordsWithFile("rotating", "webhook-evt_r3.json")).isZero();
  }

  @Test
  void twoConfiguredSecretsBothVerifyDuringRotationAndTheTimestampIsRequired() throws Exception {
    String ts = Long.toString(clock.instant().getEpochSecond());
    for (String secret : List.of("paypal-old", "paypal-new")) {
      byte[] body = utf8("{\"event\":\"PAYMENT.CAPTURE.COMPLETED\",\"by\":\"" + secret + "\"}");
      String sig = "sha256=" + HexFormat.of().formatHex(hmac(secret, utf8(ts + "."), body));
      HttpResponse<String> response =
          post(
              "/webhooks/acme/paypal",
              body,
              "X-Signature",
              sig,
              "X-Signature-Timestamp",
              ts,
              "X-Event-Id",
              "WH-" + secret);
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(recordsWithFile("acme", "webhook-WH-" + secret + ".json")).isEqualTo(1);
    }
    byte[] body = utf8("{\"event\":\"x\"}");
    String bodyOnly = "sha256=" + HexFormat.of().formatHex(hmac("paypal-new", body));
    assertThat(post("/webhooks/acme/paypal", body, "X-Signature", bodyOnly).statusCode())
        .isEqualTo(401);
    assertThat(lastAudit("acme").detail()).startsWith("SIGNATURE_MISSING");
  }

  @Test
  void mobileMoneyCallbacksArePublishedAsUnconfirmed() throws Exception {
    byte[] momo =
        utf8(
            "{\"financialTransactionId\":\"MOMO-1\",\"externalId\":\"inv-9\","
                + "\"amount\":\"100\",\"currency\":\"UGX\",\"status\":\"SUCCESSFUL\"}");
    assertThat(post("/webhooks/acme/mtn-momo", momo).statusCode()).isEqualTo(200);
    RawRecord raw =
        records("acme").stream()
            .filter(r -> r.getProvenance().getSource().equals("webhook:mtn-momo:unconfirmed"))
            .findFirst()
            .orElseThrow();
    assertThat(payload(raw)).isEqualTo(momo);
    assertThat(raw.getPsp()).isEqualTo("mtn-momo");
    assertThat(post("/webhooks/acme/mtn-momo", momo).statusCode()).isEqualTo(200);
    assertThat(
            records("acme").stream()
                .filter(r -> r.getProvenance().getSource().equals("webhook:mtn-momo:unconfirmed"))
                .count())
        .isEqualTo(1);

    byte[] airtel = utf8("{\"transaction\":{\"id\":\"AIR-1\",\"status_code\":\"TS\"}}");
    assertThat(post("/webhooks/acme/airtel", airtel).statusCode())
        .as("a configured hash is required")
        .isEqualTo(401);
    String hash = "sha256=" + HexFormat.of().formatHex(hmac("airtel-hash-key", airtel));
    assertThat(post("/webhooks/acme/airtel", airtel, "X-Signature", hash).statusCode())
        .isEqualTo(200);
    assertThat(
            records("acme").stream()
                .filter(r -> r.getProvenance().getSource().equals("webhook:airtel:unconfirmed"))
                .count())
        .isEqualTo(1);
  }

  @Test
  void anUnavailableSecretIs503SoThePspRetries() throws Exception {
    String saved = environment.remove("SMALL_STRIPE");
    try {
      clock.advance(SECRET_TTL.plusSeconds(1));
      HttpResponse<String> response =
          postStripe("small", "whsec_small", stripeEvent("evt_no_secret"));
      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(lastAudit("small").detail()).startsWith("SECRET_UNAVAILABLE");
    } finally {
      environment.put("SMALL_STRIPE", saved);
    }
  }
}
