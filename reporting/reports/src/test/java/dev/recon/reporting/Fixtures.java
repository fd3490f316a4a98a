package dev.recon.reporting;

import dev.recon.ledger.db.JournalLine;
import dev.recon.schemas.DeadLetter;
import dev.recon.schemas.Match;
import dev.recon.schemas.MatchLevel;
import dev.recon.schemas.MatchMember;
import dev.recon.schemas.Provenance;
import dev.recon.schemas.ReconException;
import dev.recon.schemas.RecordKind;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** Small builders for the Avro records a run is made of. */
final class Fixtures {

  static final String TENANT = "acme";
  static final Instant AS_OF = Instant.parse("2026-01-31T06:00:00Z");

  private Fixtures() {}

  static MatchMember member(RecordKind kind, String id, long amountMinor, String currency) {
    return member(kind, id, amountMinor, currency, null);
  }

  static MatchMember member(
      RecordKind kind, String id, long amountMinor, String currency, String psp) {
    return MatchMember.newBuilder()
        .setRecordKind(kind)
        .setRecordId(id)
        .setAmountMinor(amountMinor)
        .setCurrency(currency)
        .setPsp(psp)
        .setEventTime(AS_OF.minus(Duration.ofDays(1)))
        .build();
  }

  static Match match(String id, MatchLevel level, String rule, MatchMember... members) {
    return Match.newBuilder()
        .setMatchId(id)
        .setTenantId(TENANT)
        .setLevel(level)
        .setRule(rule)
        .setConfidence(100)
        .setMembers(Arrays.asList(members))
        .setMatchedAt(AS_OF.minus(Duration.ofHours(1)))
        .build();
  }

  static ReconException exception(
      String id,
      MatchLevel level,
      String reason,
      RecordKind kind,
      String recordId,
      long amountMinor,
      String currency,
      Instant recordTime) {
    return ReconException.newBuilder()
        .setExceptionId(id)
        .setTenantId(TENANT)
        .setLevel(level)
        .setReason(reason)
        .setRecordKind(kind)
        .setRecordId(recordId)
        .setAmountMinor(amountMinor)
        .setCurrency(currency)
        .setRecordTime(recordTime)
        .setDetectedAt(AS_OF.minus(Duration.ofMinutes(30)))
        .build();
  }

  static DeadLetter deadLetter(
      String id, String fileName, int line, String field, String reason, Instant receivedAt) {
    return DeadLetter.newBuilder()
        .setDeadLetterId(id)
        .setProvenance(
            Provenance.newBuilder()
                .setTenantId(TENANT)
                .setSource("file:adyen")
                .setFileName(fileName)
                .setContentSha256("00")
                .setLine(line)
                .setReceivedAt(receivedAt)
                .build())
        .setFormat("adyen-settlement-detail")
        .setField(field)
        .setReason(reason)
        .build();
  }

  static JournalLine debit(String entry, Instant at, String account, long minor, String cur) {
    return new JournalLine(entry, at, account, minor, 0, cur, "MATCH_L1", "m-" + entry);
  }

  static JournalLine credit(String entry, Instant at, String account, long minor, String cur) {
    return new JournalLine(entry, at, account, 0, minor, cur, "MATCH_L1", "m-" + entry);
  }

  static ReconciliationRun run(
      List<Match> matches,
      List<ReconException> exceptions,
      List<DeadLetter> deadLetters,
      List<JournalLine> journal) {
    return new ReconciliationRun(
        TENANT,
        AS_OF,
        List.of("expected.csv", "adyen_settlement.csv", "camt053.xml"),
        matches,
        exceptions,
        deadLetters,
        journal);
  }

  /**
   * Two PSPs, matches at L1-L3, breaks at L1, L2 and L4 (one on a record that also matched), two
   * dead letters and a balanced journal.
   */
  static ReconciliationRun sampleRun() {
    return run(
        List.of(
            match(
                "m-L3-1",
                MatchLevel.L3,
                "batch-sum",
                member(RecordKind.PAYOUT, "po-1", 2950, "EUR", "adyen"),
                member(RecordKind.PSP_TXN, "psp-2", 2000, "EUR", "adyen"),
                member(RecordKind.PSP_TXN, "psp-1", 1000, "EUR", "adyen")),
            match(
                "m-L1-1",
                MatchLevel.L1,
                "exact-ref",
                member(RecordKind.PSP_TXN, "psp-1", 1000, "EUR", "adyen"),
                member(RecordKind.EXPECTED, "ord-1", 1000, "EUR", "adyen")),
            match(
                "m-L1-2",
                MatchLevel.L1,
                "exact-ref",
                member(RecordKind.EXPECTED, "ord-2", 2000, "EUR", "adyen"),
                member(RecordKind.PSP_TXN, "psp-2", 2000, "EUR", "adyen")),
            match(
                "m-L2-1",
                MatchLevel.L2,
                "tolerance-1pct",
                member(RecordKind.EXPECTED, "ord-3", 500_000, "JPY", "stripe"),
                member(RecordKind.PSP_TXN, "ch_3", 500_000, "JPY", "stripe"))),
        List.of(
            exception(
                "ex-1",
                MatchLevel.L1,
                "MISSING_IN_PSP",
                RecordKind.EXPECTED,
                "ord-4",
                1500,
                "EUR",
                AS_OF.minus(Duration.ofHours(5))),
            exception(
                "ex-2",
                MatchLevel.L4,
                "MISSING_IN_BANK",
                RecordKind.PAYOUT,
                "po-1",
                2950,
                "EUR",
                AS_OF.minus(Duration.ofDays(10))),
            exception(
                "ex-3",
                MatchLevel.L1,
                "DUPLICATE",
                RecordKind.PSP_TXN,
                "psp-9",
                -700,
                "EUR",
                AS_OF.minus(Duration.ofDays(40))),
            exception(
                "ex-4",
                MatchLevel.L2,
                "AMOUNT_MISMATCH",
                RecordKind.PSP_TXN,
                "ch_9",
                1200,
                "JPY",
                AS_OF.minus(Duration.ofDays(5)))),
        List.of(
            deadLetter(
                "dl-1",
                "adyen_settlement.csv",
                17,
                "Gross Credit (GC)",
                "amount has 3 decimals, EUR has 2",
                AS_OF.minus(Duration.ofDays(2))),
            deadLetter(
                "dl-2",
                "camt053.xml",
                4,
                null,
                "DATA_QUALITY: control sum differs from entries",
                AS_OF.minus(Duration.ofHours(2)))),
        List.of(
            debit("je-2", AS_OF.minus(Duration.ofDays(1)), "psp_receivable:adyen", 2000, "EUR"),
            credit("je-2", AS_OF.minus(Duration.ofDays(1)), "payments_clearing", 2000, "EUR"),
            debit("je-1", AS_OF.minus(Duration.ofDays(1)), "psp_receivable:adyen", 1000, "EUR"),
            credit("je-1", AS_OF.minus(Duration.ofDays(1)), "payments_clearing", 1000, "EUR"),
            debit("je-0", AS_OF.minus(Duration.ofDays(2)), "psp_receivable:stripe", 500_000, "JPY"),
            credit("je-0", AS_OF.minus(Duration.ofDays(2)), "payments_clearing", 500_000, "JPY")));
  }

  static ReconciliationRun emptyRun() {
    return run(List.of(), List.of(), List.of(), List.of());
  }
}
