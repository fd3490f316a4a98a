package dev.recon.matching;

import dev.recon.schemas.BankLine;
import dev.recon.schemas.ExpectedPayment;
import dev.recon.schemas.PaymentEvent;
import dev.recon.schemas.PaymentEventType;
import dev.recon.schemas.Provenance;
import dev.recon.schemas.RecordKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Canonical Avro records as the normalization job would emit them, in Adyen-like shapes. */
public final class SampleRecords {

  public static final String TENANT = "t-acme";
  public static final String PSP = "adyen";
  public static final String EUR = "EUR";

  private SampleRecords() {}

  public static Instant at(String isoInstant) {
    return Instant.parse(isoInstant);
  }

  public static Provenance provenance(String tenant) {
    return Provenance.newBuilder()
        .setTenantId(tenant)
        .setSource("file:" + PSP)
        .setFileName("settlement_detail_report_batch_1128.csv")
        .setContentSha256("0".repeat(64))
        .setLine(2)
        .setReceivedAt(at("2025-09-30T00:00:00Z"))
        .build();
  }

  public static ExpectedPayment expected(
      String expectedId, String reference, long amountMinor, String currency, String time) {
    return ExpectedPayment.newBuilder()
        .setExpectedId(expectedId)
        .setPsp(PSP)
        .setMerchantReference(reference)
        .setAmountMinor(amountMinor)
        .setCurrency(currency)
        .setExpectedAt(at(time))
        .setProvenance(provenance(TENANT))
        .build();
  }

  public static PaymentEvent capture(
      String eventId, String reference, long grossMinor, long feeMinor, String batch, String time) {
    return pspRow(PaymentEventType.CAPTURE, eventId, reference, grossMinor, feeMinor, batch, time);
  }

  /** A PSP_TXN row in EUR: net = gross - fee. */
  public static PaymentEvent pspRow(
      PaymentEventType type,
      String eventId,
      String reference,
      long grossMinor,
      long feeMinor,
      String batch,
      String time) {
    return PaymentEvent.newBuilder()
        .setEventId(eventId)
        .setRecordKind(RecordKind.PSP_TXN)
        .setPsp(PSP)
        .setType(type)
        .setPspReference(eventId.split(":", -1)[0])
        .setMerchantReference(reference)
        .setGrossMinor(grossMinor)
        .setGrossCurrency(EUR)
        .setFeeMinor(feeMinor)
        .setNetMinor(grossMinor - feeMinor)
        .setNetCurrency(EUR)
        .setEventTime(at(time))
        .setBatchId(batch)
        .setProvenance(provenance(TENANT))
        .build();
  }

  public static PaymentEvent payout(
      String eventId, String batch, long amountMinor, String bankReference, String time) {
    return PaymentEvent.newBuilder()
        .setEventId(eventId)
        .setRecordKind(RecordKind.PAYOUT)
        .setPsp(PSP)
        .setType(PaymentEventType.PAYOUT)
        .setGrossMinor(amountMinor)
        .setGrossCurrency(EUR)
        .setFeeMinor(0)
        .setNetMinor(amountMinor)
        .setNetCurrency(EUR)
        .setEventTime(at(time))
        .setBatchId(batch)
        .setBankReference(bankReference)
        .setProvenance(provenance(TENANT))
        .build();
  }

  public static BankLine bankLine(
      String lineId, long amountMinor, String bookingDate, String valueDate, String remittance) {
    return BankLine.newBuilder()
        .setLineId(lineId)
        .setBankAccount("NL91ABNA0417164300")
        .setStatementId("STMT-2025-09")
        .setAmountMinor(amountMinor)
        .setCurrency(EUR)
        .setBookingDate(LocalDate.parse(bookingDate))
        .setValueDate(LocalDate.parse(valueDate))
        .setReferences(List.of())
        .setRemittanceInfo(remittance)
        .setProvenance(provenance(TENANT))
        .build();
  }
}
