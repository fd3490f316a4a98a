package dev.recon.ingestion.api.mobilemoney;

import static dev.recon.ingestion.api.ScriptedProvider.Reply.json;
import static dev.recon.ingestion.api.ScriptedProvider.Reply.status;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recon.ingestion.api.ConnectorState;
import dev.recon.ingestion.api.PollSummary;
import dev.recon.ingestion.api.PollerFixture;
import dev.recon.ingestion.api.PollerFixture.FlakyProducer;
import dev.recon.ingestion.api.ScriptedProvider;
import dev.recon.ingestion.store.AuditOutcome;
import dev.recon.ingestion.store.TenantTransactions;
import dev.recon.ingestion.testing.EmbeddedConnectorState;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class MobileMoneyStatusCheckerIT {

  @TempDir static Path dir;
  static EmbeddedConnectorState db;
  static TenantTransactions tx;

  static final Clock CLOCK = Clock.fixed(PollerFixture.NOW, ZoneOffset.UTC);
  static final Map<String, String> ENV =
      Map.of(
          "MTN_SUB_KEY", "sub-key-1",
          "MTN_API_USER", "3f1c2a9e-0000-4000-8000-000000000001",
          "MTN_API_KEY", "mtn-api-key",
          "AIRTEL_CLIENT_ID", "airtel-client",
          "AIRTEL_CLIENT_SECRET", "airtel-secret");
  static final String PAID = "6a1b2c3d-1111-4222-8333-444455556666";
  static final String UNKNOWN = "6a1b2c3d-1111-4222-8333-000000000000";

  ScriptedProvider provider;

  @BeforeAll
  static void startDatabase() throws Exception {
    db = EmbeddedConnectorState.start(dir.resolve("pg"));
    tx = new TenantTransactions(db.app());
  }

  @AfterAll
  static void stopDatabase() throws Exception {
    db.close();
  }

  @BeforeEach
  void startProvider() throws Exception {
    provider = ScriptedProvider.start();
  }

  @AfterEach
  void stopProvider() {
    provider.close();
  }

  private MobileMoneyStatusChecker checker(MobileMoneyProvider config, FlakyProducer producer) {
    return new MobileMoneyStatusChecker(
        config,
        PollerFixture.secrets(ENV),
        PollerFixture.publisher(producer),
        ConnectorState.of(tx),
        new SimpleMeterRegistry(),
        CLOCK);
  }

  private MtnMomoConfig mtn(String tenant) {
    return new MtnMomoConfig(
        tenant,
        PollerFixture.settings(provider.baseUrl()),
        "sandbox",
        "env:MTN_SUB_KEY",
        "env:MTN_API_USER",
        "env:MTN_API_KEY");
  }

  static String mtnStatus(String reference, String status) {
    return "{\"amount\":\"1500\",\"currency\":\"UGX\",\"financialTransactionId\":\"363440463\","
        + "\"externalId\":\""
        + reference
        + "\",\"payer\":{\"partyIdType\":\"MSISDN\",\"partyId\":\"256772123456\"},"
        + "\"status\":\""
        + status
        + "\"}";
  }

  @Test
  void mtnStatusBodiesArePublishedOncePerChangeWithOneCachedToken() {
    MtnMomoConfig config = mtn("momo-acme");
    provider
        .on(
            "/collection/token/",
            json(
                "{\"access_token\":\"tok-1\",\"token_type\":\"access_token\",\"expires_in\":3600}"))
        .on("/collection/v1_0/requesttopay/" + PAID, json(mtnStatus(PAID, "PENDING")));
    FlakyProducer producer = FlakyProducer.reliable();
    MobileMoneyStatusChecker checker = checker(config, producer);

    StatusCheckSummary first = checker.check(List.of(PAID, UNKNOWN, "../../admin", PAID));
    StatusCheckSummary unchanged = checker.check(List.of(PAID));
    provider.on("/collection/v1_0/requesttopay/" + PAID, json(mtnStatus(PAID, "SUCCESSFUL")));
    StatusCheckSummary changed = checker.check(List.of(PAID));

    assertThat(first.poll().status()).isEqualTo(PollSummary.Status.COMPLETED);
    assertThat(first.references())
        .extracting(
            ReferenceStatus::reference, ReferenceStatus::result, ReferenceStatus::providerStatus)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(PAID, ReferenceStatus.Result.PUBLISHED, "PENDING"),
            org.assertj.core.groups.Tuple.tuple(UNKNOWN, ReferenceStatus.Result.NOT_FOUND, null),
            org.assertj.core.groups.Tuple.tuple(
                "../../admin", ReferenceStatus.Result.INVALID_REFERENCE, null));
    assertThat(unchanged.references().get(0).result()).isEqualTo(ReferenceStatus.Result.UNCHANGED);
    assertThat(changed.references().get(0).result()).isEqualTo(ReferenceStatus.Result.PUBLISHED);
    assertThat(changed.references().get(0).providerStatus()).isEqualTo("SUCCESSFUL");

    assertThat(PollerFixture.published(producer).stream().map(PollerFixture::payload))
        .containsExactly(mtnStatus(PAID, "PENDING"), mtnStatus(PAID, "SUCCESSFUL"));
    assertThat(PollerFixture.published(producer))
        .allSatisfy(
            r -> {
              assertThat(r.getProvenance().getSource()).isEqualTo("api:mtn-momo");
              assertThat(r.getProvenance().getFileName())
                  .isEqualTo("mtn-momo-status-" + PAID + ".json");
              assertThat(r.getPsp()).isEqualTo("mtn-momo");
            });

    assertThat(provider.count("/collection/token/")).isEqualTo(1);
    ScriptedProvider.Request token = provider.requests().get(0);
    assertThat(token.method()).isEqualTo("POST");
    assertThat(token.headers())
        .containsEntry(
            "authorization",
            "Basic "
                + Base64.getEncoder()
                    .encodeToString(
                        "3f1c2a9e-0000-4000-8000-000000000001:mtn-api-key"
                            .getBytes(StandardCharsets.UTF_8)))
        .containsEntry("ocp-apim-subscription-key", "sub-key-1");
    assertThat(provider.requests())
        .filteredOn(r -> r.target().startsWith("/collection/v1_0/"))
        .allSatisfy(
            r ->
                assertThat(r.headers())
                    .containsEntry("authorization", "Bearer tok-1")
                    .containsEntry("x-target-environment", "sandbox")
                    .containsEntry("ocp-apim-subscription-key", "sub-key-1"));
    assertThat(provider.requests()).noneMatch(r -> r.target().contains("admin"));
    assertThat(ConnectorState.of(tx).audit().recent("momo-acme", 20))
        .anySatisfy(
            e -> {
              assertThat(e.outcome()).isEqualTo(AuditOutcome.REJECTED);
              assertThat(e.subject()).isEqualTo("payment " + UNKNOWN);
            })
        .noneSatisfy(e -> assertThat(e.detail()).contains("tok-1"));
  }

  @Test
  void airtelUsesClientCredentialsAndReadsTheNestedStatus() throws Exception {
    AirtelMoneyConfig config =
        new AirtelMoneyConfig(
            "airtel-acme",
            PollerFixture.settings(provider.baseUrl()),
            "UG",
            "UGX",
            "env:AIRTEL_CLIENT_ID",
            "env:AIRTEL_CLIENT_SECRET");
    String body =
        "{\"data\":{\"transaction\":{\"airtel_money_id\":\"C3648\",\"id\":\"ORDER-77\","
            + "\"message\":\"success\",\"status\":\"TS\"}},"
            + "\"status\":{\"code\":\"200\",\"message\":\"SUCCESS\",\"success\":true}}";
    provider
        .on(
            "/auth/oauth2/token",
            json("{\"access_token\":\"air-tok\",\"expires_in\":\"180\",\"token_type\":\"bearer\"}"))
        .on("/standard/v1/payments/ORDER-77", json(body));
    FlakyProducer producer = FlakyProducer.reliable();

    StatusCheckSummary summary = checker(config, producer).check(List.of("ORDER-77"));

    assertThat(summary.poll().status()).isEqualTo(PollSummary.Status.COMPLETED);
    assertThat(summary.references().get(0).providerStatus()).isEqualTo("TS");
    assertThat(PollerFixture.payload(PollerFixture.published(producer).get(0))).isEqualTo(body);
    assertThat(PollerFixture.published(producer).get(0).getProvenance().getSource())
        .isEqualTo("api:airtel");
    ScriptedProvider.Request token = provider.requests().get(0);
    JsonNode grant = new ObjectMapper().readTree(token.body());
    assertThat(grant.get("grant_type").asText()).isEqualTo("client_credentials");
    assertThat(grant.get("client_id").asText()).isEqualTo("airtel-client");
    assertThat(grant.get("client_secret").asText()).isEqualTo("airtel-secret");
    assertThat(provider.requests().get(1).headers())
        .containsEntry("authorization", "Bearer air-tok")
        .containsEntry("x-country", "UG")
        .containsEntry("x-currency", "UGX");
  }

  @Test
  void aRefusedTokenStopsTheCheckWithEveryReferenceReportedAndNothingPublished() {
    MtnMomoConfig config = mtn("momo-denied");
    provider.on("/collection/token/", status(401));
    FlakyProducer producer = FlakyProducer.reliable();

    StatusCheckSummary summary = checker(config, producer).check(List.of(PAID, UNKNOWN));

    assertThat(summary.poll().status()).isEqualTo(PollSummary.Status.FAILED);
    assertThat(summary.poll().detail()).contains("HTTP 401");
    assertThat(summary.references())
        .extracting(ReferenceStatus::result)
        .containsExactly(ReferenceStatus.Result.NOT_CHECKED, ReferenceStatus.Result.NOT_CHECKED);
    assertThat(provider.count("/collection/token/")).isEqualTo(1);
    assertThat(producer.history()).isEmpty();
    assertThat(ConnectorState.of(tx).audit().recent("momo-denied", 10))
        .anySatisfy(e -> assertThat(e.outcome()).isEqualTo(AuditOutcome.REJECTED));
  }
}
