package dev.recon.matching.model;

import dev.recon.schemas.ExpectedPayment;
import dev.recon.schemas.MatchMember;
import dev.recon.schemas.RecordKind;
import java.time.Instant;
import java.util.Objects;

/**
 * What the tenant's own system says should be paid: an order, invoice or subscription charge.
 *
 * @param correlationId the delivery (file, API call) it came in, from its provenance; null if
 *     unknown
 */
public record Expectation(
    String tenantId,
    String expectedId,
    String psp,
    String merchantReference,
    long amountMinor,
    String currency,
    Instant expectedAt,
    String correlationId)
    implements ReconRecord {

  public Expectation {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(expectedId, "expectedId");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(expectedAt, "expectedAt");
  }

  /** An expectation of no known delivery. */
  public Expectation(
      String tenantId,
      String expectedId,
      String psp,
      String merchantReference,
      long amountMinor,
      String currency,
      Instant expectedAt) {
    this(tenantId, expectedId, psp, merchantReference, amountMinor, currency, expectedAt, null);
  }

  public static Expectation from(ExpectedPayment avro) {
    return new Expectation(
        avro.getProvenance().getTenantId(),
        avro.getExpectedId(),
        avro.getPsp(),
        avro.getMerchantReference(),
        avro.getAmountMinor(),
        avro.getCurrency(),
        avro.getExpectedAt(),
        avro.getProvenance().getCorrelationId());
  }

  @Override
  public RecordKind recordKind() {
    return RecordKind.EXPECTED;
  }

  @Override
  public String recordId() {
    return expectedId;
  }

  @Override
  public Instant eventTime() {
    return expectedAt;
  }

  @Override
  public MatchMember toMember() {
    return MatchMember.newBuilder()
        .setRecordKind(RecordKind.EXPECTED)
        .setRecordId(expectedId)
        .setAmountMinor(amountMinor)
        .setCurrency(currency)
        .setEventType(null)
        .setFeeMinor(0)
        .setNetMinor(amountMinor)
        .setNetCurrency(currency)
        .setPsp(psp)
        .setBankAccount(null)
        .setEventTime(expectedAt)
        .setCorrelationId(correlationId)
        .build();
  }
}
