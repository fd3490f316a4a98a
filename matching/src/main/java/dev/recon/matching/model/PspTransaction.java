package dev.recon.matching.model;

import dev.recon.schemas.MatchMember;
import dev.recon.schemas.PaymentEvent;
import dev.recon.schemas.PaymentEventType;
import dev.recon.schemas.RecordKind;
import java.time.Instant;
import java.util.Objects;

/**
 * A PSP transaction row (capture, refund, chargeback, fee, ...). Gross is signed as it changes what
 * the PSP owes the tenant; net = gross - fee, in the net currency.
 */
public record PspTransaction(
    String tenantId,
    String eventId,
    String psp,
    PaymentEventType type,
    String merchantReference,
    long grossMinor,
    String grossCurrency,
    long feeMinor,
    long netMinor,
    String netCurrency,
    String batchId,
    Instant eventTime)
    implements ReconRecord {

  public PspTransaction {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(grossCurrency, "grossCurrency");
    Objects.requireNonNull(netCurrency, "netCurrency");
    Objects.requireNonNull(eventTime, "eventTime");
  }

  public static PspTransaction from(PaymentEvent avro) {
    if (avro.getRecordKind() != RecordKind.PSP_TXN) {
      throw new IllegalArgumentException(
          "not a PSP_TXN: " + avro.getEventId() + " is " + avro.getRecordKind());
    }
    return new PspTransaction(
        avro.getProvenance().getTenantId(),
        avro.getEventId(),
        avro.getPsp(),
        avro.getType(),
        avro.getMerchantReference(),
        avro.getGrossMinor(),
        avro.getGrossCurrency(),
        avro.getFeeMinor(),
        avro.getNetMinor(),
        avro.getNetCurrency(),
        avro.getBatchId(),
        avro.getEventTime());
  }

  @Override
  public RecordKind recordKind() {
    return RecordKind.PSP_TXN;
  }

  @Override
  public String recordId() {
    return eventId;
  }

  @Override
  public MatchMember toMember() {
    return MatchMember.newBuilder()
        .setRecordKind(RecordKind.PSP_TXN)
        .setRecordId(eventId)
        .setAmountMinor(grossMinor)
        .setCurrency(grossCurrency)
        .setEventType(type.name())
        .setFeeMinor(feeMinor)
        .setNetMinor(netMinor)
        .setNetCurrency(netCurrency)
        .setPsp(psp)
        .setBankAccount(null)
        .setEventTime(eventTime)
        .build();
  }
}
