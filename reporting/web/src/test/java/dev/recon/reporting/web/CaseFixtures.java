package dev.recon.reporting.web;

import dev.recon.reporting.casework.RunOutputs;
import dev.recon.reporting.casework.SourceDocument;
import dev.recon.schemas.BankLine;
import dev.recon.schemas.DeadLetter;
import dev.recon.schemas.ExpectedPayment;
import dev.recon.schemas.Match;
import dev.recon.schemas.MatchLevel;
import dev.recon.schemas.MatchMember;
import dev.recon.schemas.PaymentEvent;
import dev.recon.schemas.PaymentEventType;
import dev.recon.schemas.Provenance;
import dev.recon.schemas.ReconException;
import dev.recon.schemas.RecordKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A small run of one tenant, written in the layouts of the canonical records (not real files). */
final class CaseFixtures {

  public static final Instant RECEIVED = Instant.parse("2026-11-20T06:00:00Z");
  public static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

  /** An Adyen-like settlement file: header, two rows, CRLF line ends. */
  public static final String PSP_FILE =
      "Psp Reference,Merchant Reference,Type,Gross,Fee,Currency\r\n"
          + "PSP-1,ORDER-1,Settled,100.00,1.50,EUR\r\n"
          + "PSP-2,ORDER-2,Settled,25.00,0.40,EUR\r\n";

  public static final String EXPECTED_FILE =
      "expected_id,merchant_reference,psp,amount,currency,expected_at\n"
          + "E-1,ORDER-1,adyen,100.00,EUR,2026-11-19\n"
          + "E-3,ORDER-3,adyen,40.00,EUR,2026-11-10\n";

  private CaseFixtures() {}

  public static SourceDocument pspDocument() {
    return SourceDocument.ofText("file:adyen", "adyen_settlement.csv", RECEIVED, PSP_FILE);
  }

  public static SourceDocument expectedDocument() {
    return SourceDocument.ofText("file:expected", "expected.csv", RECEIVED, EXPECTED_FILE);
  }

  public static Provenance provenance(String tenant, SourceDocument d, int line) {
    return Provenance.newBuilder()
        .setTenantId(tenant)
        .setSource(d.source())
        .setFileName(d.fileName())
        .setContentSha256(d.sha256())
        .setLine(line)
        .setReceivedAt(d.receivedAt())
        .build();
  }

  public static PaymentEvent capture(
      String tenant, String id, long gross, long fee, Instant at, int line) {
    return PaymentEvent.newBuilder()
        .setEventId(id)
        .setRecordKind(RecordKind.PSP_TXN)
        .setPsp("adyen")
        .setType(PaymentEventType.CAPTURE)
        .setPspReference(id)
        .setMerchantReference("ORDER-" + id.substring(id.length() - 1))
        .setGrossMinor(gross)
        .setGrossCurrency("EUR")
        .setFeeMinor(fee)
        .setNetMinor(gross - fee)
        .setNetCurrency("EUR")
        .setEventTime(at)
        .setProvenance(provenance(tenant, pspDocument(), line))
        .build();
  }

  public static ExpectedPayment expected(
      String tenant, String id, long amount, Instant at, int line) {
    return ExpectedPayment.newBuilder()
        .setExpectedId(id)
        .setPsp("adyen")
        .setMerchantReference("ORDER-" + id.substring(id.length() - 1))
        .setAmountMinor(amount)
        .setCurrency("EUR")
        .setExpectedAt(at)
        .setProvenance(provenance(tenant, expectedDocument(), line))
        .build();
  }

  public static BankLine bankLine(String tenant, String id, long amount) {
    SourceDocument d = SourceDocument.ofText("file:bank", "camt.xml", RECEIVED, "<Document/>");
    return BankLine.newBuilder()
        .setLineId(id)
        .setBankAccount("DE00123")
        .setStatementId("S-1")
        .setAmountMinor(amount)
        .setCurrency("EUR")
        .setBookingDate(LocalDate.parse("2026-11-21"))
        .setValueDate(LocalDate.parse("2026-11-21"))
        .setReferences(List.of("REF-" + id))
        .setProvenance(provenance(tenant, d, 1))
        .build();
  }

  public static Match l1(
      String tenant, String matchId, String expectedId, String pspId, long amount) {
    return Match.newBuilder()
        .setMatchId(matchId)
        .setTenantId(tenant)
        .setLevel(MatchLevel.L1)
        .setRule("exact")
        .setConfidence(100)
        .setMembers(
            List.of(
                member(RecordKind.EXPECTED, expectedId, amount),
                member(RecordKind.PSP_TXN, pspId, amount)))
        .setMatchedAt(Instant.parse("2026-11-20T07:00:00Z"))
        .build();
  }

  private static MatchMember member(RecordKind kind, String id, long amount) {
    return MatchMember.newBuilder()
        .setRecordKind(kind)
        .setRecordId(id)
        .setAmountMinor(amount)
        .setCurrency("EUR")
        .build();
  }

  public static ReconException exception(
      String tenant,
      String id,
      String reason,
      RecordKind kind,
      String recordId,
      long amount,
      Instant recordTime) {
    return ReconException.newBuilder()
        .setExceptionId(id)
        .setTenantId(tenant)
        .setLevel(MatchLevel.L1)
        .setReason(reason)
        .setRecordKind(kind)
        .setRecordId(recordId)
        .setAmountMinor(amount)
        .setCurrency("EUR")
        .setRecordTime(recordTime)
        .setDetectedAt(NOW.minusSeconds(3600))
        .build();
  }

  public static DeadLetter deadLetter(String tenant, String id) {
    return DeadLetter.newBuilder()
        .setDeadLetterId(id)
        .setProvenance(provenance(tenant, pspDocument(), 4))
        .setReason("bad amount")
        .setField("Gross")
        .build();
  }

  /**
   * A run: two PSP rows (PSP-1 matched with E-1, PSP-2 unmatched: MISSING_EXPECTED), one
   * expectation E-3 missing in the PSP file, one bank line, one dead letter.
   */
  public static RunOutputs run(String tenant) {
    return new RunOutputs(
        tenant,
        "reconcile 2026-11-25",
        List.of(pspDocument(), expectedDocument()),
        List.of(
            expected(tenant, "E-1", 10_000, Instant.parse("2026-11-19T00:00:00Z"), 2),
            expected(tenant, "E-3", 4_000, Instant.parse("2026-11-10T00:00:00Z"), 3)),
        List.of(
            capture(tenant, "PSP-1", 10_000, 150, Instant.parse("2026-11-19T10:00:00Z"), 2),
            capture(tenant, "PSP-2", 2_500, 40, Instant.parse("2026-11-24T10:00:00Z"), 3)),
        List.of(bankLine(tenant, "BL-1", 7_777)),
        List.of(l1(tenant, "m-1", "E-1", "PSP-1", 10_000)),
        List.of(
            exception(
                tenant,
                "x-psp2",
                "MISSING_EXPECTED",
                RecordKind.PSP_TXN,
                "PSP-2",
                2_500,
                Instant.parse("2026-11-24T10:00:00Z")),
            exception(
                tenant,
                "x-e3",
                "MISSING_IN_PSP",
                RecordKind.EXPECTED,
                "E-3",
                4_000,
                Instant.parse("2026-11-10T00:00:00Z"))),
        List.of(),
        List.of(deadLetter(tenant, "d-1")));
  }
}
