package dev.recon.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recon.app.observability.ConnectorLag;
import dev.recon.app.observability.KnownTenants;
import dev.recon.reporting.casework.RunOutputs;
import dev.recon.reporting.casework.SourceDocument;
import dev.recon.schemas.DeadLetter;
import dev.recon.schemas.Provenance;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a stored feed batch tells the gauges: its tenant, and each connector's progress. */
class CaseworkFeedObservationTest {
  private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

  private final ConnectorLag lag =
      new ConnectorLag(Clock.fixed(T0.plusSeconds(90), ZoneOffset.UTC));
  private final KnownTenants tenants = KnownTenants.named(List.of());

  @Test
  void rawDocumentsArePublishedAndNormalizationOutputsProcessedPerConnector() {
    CaseworkFeed.observe(
        batch(
            List.of(
                SourceDocument.ofText("sftp:adyen", "a.csv", T0, "old"),
                SourceDocument.ofText("sftp:adyen", "b.csv", T0.plusSeconds(60), "new")),
            List.of(deadLetter("sftp:adyen", T0))),
        lag,
        tenants);

    assertThat(tenants.all()).containsExactly("acme");
    // b.csv waits; the newest processed is a.csv's line, received 90 s before now
    assertThat(lag.secondsBehind()).containsEntry("sftp:adyen", 90L);

    CaseworkFeed.observe(
        batch(List.of(), List.of(deadLetter("sftp:adyen", T0.plusSeconds(60)))), lag, tenants);
    assertThat(lag.secondsBehind()).containsEntry("sftp:adyen", 0L);
  }

  @Test
  void aStoredBatchCountsTheDeadLettersOfEveryTenant() {
    assertThat(
            CaseworkFeed.deadLettersIn(
                List.of(
                    batch(List.of(), List.of(deadLetter("sftp:adyen", T0))),
                    batch(
                        List.of(),
                        List.of(
                            deadLetter("email:bank", T0),
                            deadLetter("email:bank", T0.plusSeconds(1)))),
                    batch(List.of(), List.of()))))
        .isEqualTo(3);
  }

  private static RunOutputs batch(List<SourceDocument> documents, List<DeadLetter> deadLetters) {
    return new RunOutputs(
        "acme",
        "stream batch 1",
        documents,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        deadLetters);
  }

  private static DeadLetter deadLetter(String source, Instant receivedAt) {
    return DeadLetter.newBuilder()
        .setDeadLetterId("dl-" + receivedAt.getEpochSecond())
        .setProvenance(
            Provenance.newBuilder()
                .setTenantId("acme")
                .setSource(source)
                .setContentSha256("0".repeat(64))
                .setLine(2)
                .setReceivedAt(receivedAt)
                .build())
        .setReason("bad amount")
        .build();
  }
}
