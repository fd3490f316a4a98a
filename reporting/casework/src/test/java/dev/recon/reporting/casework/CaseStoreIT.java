package dev.recon.reporting.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recon.matching.model.DeterministicIds;
import dev.recon.reporting.casework.audit.AuditTrail;
import dev.recon.reporting.casework.queue.Drilldown;
import dev.recon.reporting.casework.queue.ExceptionDetail;
import dev.recon.reporting.casework.queue.ExceptionQueue;
import dev.recon.reporting.casework.queue.ExceptionState;
import dev.recon.reporting.casework.queue.RecordDetail;
import dev.recon.schemas.ExceptionResolution;
import dev.recon.schemas.RecordKind;
import dev.recon.schemas.ResolutionKind;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaseStoreIT extends WithDatabase {

  @Test
  void recordingTheSameRunTwiceChangesNothing() throws Exception {
    CaseStore store = new CaseStore(app(), CLOCK);
    RecordRunResult first = store.recordRun(Fixtures.run("idem"));
    assertThat(first.documentsStored()).isEqualTo(2);
    assertThat(first.recordsStored()).isEqualTo(5);
    assertThat(first.matchesStored()).isEqualTo(1);
    assertThat(first.exceptionsStored()).isEqualTo(2);
    assertThat(first.deadLettersStored()).isEqualTo(1);
    assertThat(first.auditSeq()).isEqualTo(1);
    long rowsBefore = allRows("idem");

    RecordRunResult second = store.recordRun(Fixtures.run("idem"));
    assertThat(second.changedAnything()).isFalse();
    assertThat(second.auditSeq()).isZero();
    assertThat(allRows("idem")).isEqualTo(rowsBefore);
    assertThat(new AuditTrail(app(), CLOCK).verify("idem").eventsChecked()).isEqualTo(1);
  }

  @Test
  void drillDownShowsTheRecordItsMatchAndItsSourceLine() {
    new CaseStore(app(), CLOCK).recordRun(Fixtures.run("drill"));
    ExceptionDetail detail =
        new ExceptionQueue(app(), CLOCK).detail("drill", "x-psp2").orElseThrow();
    assertThat(detail.exception().psp()).isEqualTo("adyen");
    assertThat(detail.exception().reference()).isEqualTo("PSP-2");
    assertThat(detail.exception().ageDays()).isEqualTo(1);
    assertThat(detail.record().orElseThrow().feeMinor()).isEqualTo(40);
    assertThat(detail.record().orElseThrow().canonicalJson()).contains("\"event_id\": \"PSP-2\"");
    assertThat(detail.source().orElseThrow().fileName()).isEqualTo("adyen_settlement.csv");
    assertThat(detail.source().orElseThrow().line()).isEqualTo(3);
    assertThat(detail.source().orElseThrow().text())
        .contains("PSP-2,ORDER-2,Settled,25.00,0.40,EUR");
    assertThat(detail.matches()).isEmpty();

    RecordDetail matched =
        new Drilldown(app(), CLOCK).record("drill", RecordKind.PSP_TXN, "PSP-1").orElseThrow();
    assertThat(matched.matches())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.matchId()).isEqualTo("m-1");
              assertThat(m.members()).hasSize(2);
            });
    assertThat(matched.source().orElseThrow().text())
        .contains("PSP-1,ORDER-1,Settled,100.00,1.50,EUR");
    assertThat(new Drilldown(app(), CLOCK).match("drill", "m-1")).isPresent();

    RecordDetail bank =
        new Drilldown(app(), CLOCK).record("drill", RecordKind.BANK_LINE, "BL-1").orElseThrow();
    assertThat(bank.record().bankAccount()).isEqualTo("DE00123");
    assertThat(bank.source().orElseThrow().documentStored()).isFalse();
  }

  @Test
  void aResolutionResolvesItsBreakEvenWhenItArrivesFirst() {
    CaseStore store = new CaseStore(app(), CLOCK);
    String tenant = "resolve";
    String exceptionId = "x-late";
    ExceptionResolution resolution =
        ExceptionResolution.newBuilder()
            .setResolutionId(
                DeterministicIds.resolutionId(tenant, exceptionId, "LATE_MATCH", "m-9"))
            .setExceptionId(exceptionId)
            .setTenantId(tenant)
            .setHow(ResolutionKind.LATE_MATCH)
            .setMatchId("m-9")
            .setRecordKind(RecordKind.EXPECTED)
            .setRecordId("E-9")
            .setExceptionDetectedAt(Instant.parse("2026-11-20T00:00:00Z"))
            .setResolvedAt(Instant.parse("2026-11-22T00:00:00Z"))
            .build();
    RunOutputs resolutionOnly =
        new RunOutputs(
            tenant,
            "stream 1",
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(resolution),
            List.of());
    assertThat(store.recordRun(resolutionOnly).resolutionsStored()).isEqualTo(1);
    RunOutputs breakAfter =
        new RunOutputs(
            tenant,
            "stream 2",
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(
                Fixtures.exception(
                    tenant,
                    exceptionId,
                    "MISSING_IN_PSP",
                    RecordKind.EXPECTED,
                    "E-9",
                    500,
                    Instant.parse("2026-11-19T00:00:00Z"))),
            List.of(),
            List.of());
    RecordRunResult result = store.recordRun(breakAfter);
    assertThat(result.exceptionsResolved()).isEqualTo(1);
    ExceptionDetail detail =
        new ExceptionQueue(app(), CLOCK).detail(tenant, exceptionId).orElseThrow();
    assertThat(detail.exception().state()).isEqualTo(ExceptionState.RESOLVED);
    assertThat(detail.exception().resolutionKind()).isEqualTo("LATE_MATCH");
    assertThat(store.recordRun(breakAfter).changedAnything()).isFalse();
  }

  @Test
  void documentsOverTheCapKeepOnlyTheirMetadata() throws Exception {
    byte[] big = new byte[CaseStore.MAX_DOCUMENT_BYTES + 1];
    Arrays.fill(big, (byte) 'a');
    SourceDocument document = new SourceDocument("webhook:stripe", null, Fixtures.RECEIVED, big);
    RunOutputs run =
        new RunOutputs(
            "cap",
            "big",
            List.of(document),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of());
    RecordRunResult result = new CaseStore(app(), CLOCK).recordRun(run);
    assertThat(result.documentsStored()).isEqualTo(1);
    assertThat(result.documentsOverCap()).containsExactly(document.sha256());
    assertThat(
            ownerLong(
                "select count(*) from casework.source_documents where tenant_id = 'cap'"
                    + " and content is null and size_bytes = "
                    + big.length))
        .isEqualTo(1);
  }

  @Test
  void outputsOfAnotherTenantAreRefused() {
    RunOutputs mixed =
        new RunOutputs(
            "t-a",
            "mixed",
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(Fixtures.exception("t-b", "x", "R", RecordKind.EXPECTED, "E", 1, Fixtures.NOW)),
            List.of(),
            List.of());
    assertThatThrownBy(() -> new CaseStore(app(), CLOCK).recordRun(mixed))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("t-b");
  }

  private static long allRows(String tenant) throws Exception {
    long total = 0;
    for (String table :
        List.of(
            "source_documents",
            "canonical_records",
            "matches",
            "match_members",
            "exceptions",
            "resolutions",
            "dead_letters",
            "audit_log")) {
      total +=
          ownerLong(
              "select count(*) from casework." + table + " where tenant_id = '" + tenant + "'");
    }
    return total;
  }
}
