package dev.recon.matching.model;

import dev.recon.schemas.BankLine;
import dev.recon.schemas.MatchMember;
import dev.recon.schemas.RecordKind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * A bank statement entry; amount credit +, debit -. Its event time is the start (UTC) of its
 * booking date: the statement's own chronology, which is what watermarks and ageing follow.
 *
 * @param correlationId the delivery (file, mail) the statement came in, from its provenance; null
 *     if unknown
 */
public record StatementLine(
    String tenantId,
    String lineId,
    String bankAccount,
    long amountMinor,
    String currency,
    LocalDate bookingDate,
    LocalDate valueDate,
    List<String> references,
    String remittanceInfo,
    String correlationId)
    implements ReconRecord {

  public StatementLine {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(lineId, "lineId");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(bookingDate, "bookingDate");
    Objects.requireNonNull(valueDate, "valueDate");
    references = List.copyOf(references);
  }

  /** A statement line of no known delivery. */
  public StatementLine(
      String tenantId,
      String lineId,
      String bankAccount,
      long amountMinor,
      String currency,
      LocalDate bookingDate,
      LocalDate valueDate,
      List<String> references,
      String remittanceInfo) {
    this(
        tenantId,
        lineId,
        bankAccount,
        amountMinor,
        currency,
        bookingDate,
        valueDate,
        references,
        remittanceInfo,
        null);
  }

  public static StatementLine from(BankLine avro) {
    return new StatementLine(
        avro.getProvenance().getTenantId(),
        avro.getLineId(),
        avro.getBankAccount(),
        avro.getAmountMinor(),
        avro.getCurrency(),
        avro.getBookingDate(),
        avro.getValueDate(),
        avro.getReferences(),
        avro.getRemittanceInfo(),
        avro.getProvenance().getCorrelationId());
  }

  /** The event time of a bank line, shared with the job's timestamp assigner. */
  public static Instant eventTimeOf(LocalDate bookingDate) {
    return bookingDate.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  public boolean isCredit() {
    return amountMinor >= 0;
  }

  @Override
  public RecordKind recordKind() {
    return RecordKind.BANK_LINE;
  }

  @Override
  public String recordId() {
    return lineId;
  }

  @Override
  public Instant eventTime() {
    return eventTimeOf(bookingDate);
  }

  @Override
  public MatchMember toMember() {
    return MatchMember.newBuilder()
        .setRecordKind(RecordKind.BANK_LINE)
        .setRecordId(lineId)
        .setAmountMinor(amountMinor)
        .setCurrency(currency)
        .setEventType(isCredit() ? "CREDIT" : "DEBIT")
        .setFeeMinor(0)
        .setNetMinor(amountMinor)
        .setNetCurrency(currency)
        .setPsp(null)
        .setBankAccount(bankAccount)
        .setEventTime(eventTime())
        .setCorrelationId(correlationId)
        .build();
  }
}
