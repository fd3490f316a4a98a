package dev.recon.matching.model;

import dev.recon.schemas.MatchMember;
import dev.recon.schemas.PaymentEvent;
import dev.recon.schemas.PaymentEventType;
import dev.recon.schemas.RecordKind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A payout the PSP reports for a settlement batch. The amount is what was sent to the bank (the
 * PaymentEvent's net_minor / net_currency): positive when the PSP pays the tenant, negative when it
 * debits the tenant's account.
 *
 * @param correlationId the delivery (webhook, file, mail) it came in, from its provenance; null if
 *     unknown
 */
public record Payout(
    String tenantId,
    String eventId,
    String psp,
    long amountMinor,
    String currency,
    long feeMinor,
    String batchId,
    String bankReference,
    Instant eventTime,
    String correlationId)
    implements ReconRecord {

  public Payout {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(eventTime, "eventTime");
  }

  /** A payout of no known delivery. */
  public Payout(
      String tenantId,
      String eventId,
      String psp,
      long amountMinor,
      String currency,
      long feeMinor,
      String batchId,
      String bankReference,
      Instant eventTime) {
    this(
        tenantId,
        eventId,
        psp,
        amountMinor,
        currency,
        feeMinor,
        batchId,
        bankReference,
        eventTime,
        null);
  }

  public static Payout from(PaymentEvent avro) {
    if (avro.getRecordKind() != RecordKind.PAYOUT) {
      throw new IllegalArgumentException(
          "not a PAYOUT: " + avro.getEventId() + " is " + avro.getRecordKind());
    }
    return new Payout(
        avro.getProvenance().getTenantId(),
        avro.getEventId(),
        avro.getPsp(),
        avro.getNetMinor(),
        avro.getNetCurrency(),
        avro.getFeeMinor(),
        avro.getBatchId(),
        avro.getBankReference(),
        avro.getEventTime(),
        avro.getProvenance().getCorrelationId());
  }

  /** The payout date the bank value date is compared with (UTC, as event times are). */
  public LocalDate payoutDate() {
    return LocalDate.ofInstant(eventTime, ZoneOffset.UTC);
  }

  @Override
  public RecordKind recordKind() {
    return RecordKind.PAYOUT;
  }

  @Override
  public String recordId() {
    return eventId;
  }

  @Override
  public MatchMember toMember() {
    return MatchMember.newBuilder()
        .setRecordKind(RecordKind.PAYOUT)
        .setRecordId(eventId)
        .setAmountMinor(amountMinor)
        .setCurrency(currency)
        .setEventType(PaymentEventType.PAYOUT.name())
        .setFeeMinor(feeMinor)
        .setNetMinor(amountMinor)
        .setNetCurrency(currency)
        .setPsp(psp)
        .setBankAccount(null)
        .setEventTime(eventTime)
        .setCorrelationId(correlationId)
        .build();
  }
}
