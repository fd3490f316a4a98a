package dev.recon.matching.redelivery;

import dev.recon.matching.model.MatchKey;
import dev.recon.schemas.BankLine;
import dev.recon.schemas.ExpectedPayment;
import dev.recon.schemas.PaymentEvent;

/**
 * What makes two deliveries the same record: the source's own id of the row plus every field the
 * matching and posting rules read. A file ingested twice, a webhook retried, a statement sent again
 * give equal fingerprints and count once.
 *
 * <p>Provenance (file name, content hash, line, received-at) is deliberately left out: the same PSP
 * row re-exported in another file (another hash, another line) is still the same row, and counting
 * it twice would double a settlement batch. Rows PSPs give no id of their own already carry their
 * batch and line in their event id (the parsers build it so), so distinct rows of that kind never
 * collide. A row delivered again with different content (say, a capture first without and then with
 * its settlement batch) is new information and passes.
 */
public final class DeliveryFingerprint {

  private DeliveryFingerprint() {}

  public static String of(PaymentEvent e) {
    return MatchKey.of(
        "P",
        e.getProvenance().getTenantId(),
        e.getRecordKind().name(),
        text(e.getPsp()),
        e.getType().name(),
        text(e.getEventId()),
        text(e.getPspReference()),
        text(e.getMerchantReference()),
        Long.toString(e.getGrossMinor()),
        text(e.getGrossCurrency()),
        Long.toString(e.getFeeMinor()),
        Long.toString(e.getNetMinor()),
        text(e.getNetCurrency()),
        text(e.getBatchId()),
        text(e.getBankReference()),
        Long.toString(e.getEventTime().toEpochMilli()));
  }

  public static String of(ExpectedPayment e) {
    return MatchKey.of(
        "E",
        e.getProvenance().getTenantId(),
        text(e.getExpectedId()),
        text(e.getPsp()),
        text(e.getMerchantReference()),
        text(e.getPspReference()),
        Long.toString(e.getAmountMinor()),
        text(e.getCurrency()),
        Long.toString(e.getExpectedAt().toEpochMilli()));
  }

  public static String of(BankLine line) {
    return MatchKey.of(
        "B",
        line.getProvenance().getTenantId(),
        text(line.getBankAccount()),
        text(line.getStatementId()),
        text(line.getLineId()),
        Long.toString(line.getAmountMinor()),
        text(line.getCurrency()),
        line.getBookingDate().toString(),
        line.getValueDate().toString(),
        Boolean.toString(line.getReversal()));
  }

  private static String text(String s) {
    return s == null ? "" : s;
  }
}
