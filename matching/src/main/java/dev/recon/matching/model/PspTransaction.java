package dev.recon.matching.model;

import dev.recon.schemas.MatchMember;
import dev.recon.schemas.PaymentEvent;
import dev.recon.schemas.PaymentEventType;
import dev.recon.schemas.RecordKind;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A PSP transaction row (capture, refund, chargeback, fee, ...). Gross is signed as it changes what
 * the PSP owes the tenant; net = gross - fee, in the net currency.
 *
 * @param correlationId the delivery (webhook, file, mail) it came in, from its provenance; null if
 *     unknown
 */
public record PspTransaction(
    String tenantId,
    String eventId,
    String psp,
    PaymentEventType type,
    String pspReference,
    String originalReference,
    String merchantReference,
    long grossMinor,
    String grossCurrency,
    long feeMinor,
    long netMinor,
    String netCurrency,
    String batchId,
    Instant eventTime,
    String correlationId)
    implements ReconRecord {

  /** Metadata key any parser may set to name the original transaction explicitly. */
  public static final String ORIGINAL_REFERENCE_KEY = "original_reference";

  /** PayPal's related transaction (kept in metadata by the PayPal parser). */
  static final String PAYPAL_RELATED_ID_KEY = "paypal_reference_id";

  static final String PAYPAL_RELATED_ID_TYPE_KEY = "paypal_reference_id_type";
  static final String PAYPAL_TRANSACTION_ID_TYPE = "TXN";

  public PspTransaction {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(grossCurrency, "grossCurrency");
    Objects.requireNonNull(netCurrency, "netCurrency");
    Objects.requireNonNull(eventTime, "eventTime");
  }

  /** A PSP transaction of no known delivery. */
  public PspTransaction(
      String tenantId,
      String eventId,
      String psp,
      PaymentEventType type,
      String pspReference,
      String originalReference,
      String merchantReference,
      long grossMinor,
      String grossCurrency,
      long feeMinor,
      long netMinor,
      String netCurrency,
      String batchId,
      Instant eventTime) {
    this(
        tenantId,
        eventId,
        psp,
        type,
        pspReference,
        originalReference,
        merchantReference,
        grossMinor,
        grossCurrency,
        feeMinor,
        netMinor,
        netCurrency,
        batchId,
        eventTime,
        null);
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
        avro.getPspReference(),
        originalReferenceOf(avro),
        avro.getMerchantReference(),
        avro.getGrossMinor(),
        avro.getGrossCurrency(),
        avro.getFeeMinor(),
        avro.getNetMinor(),
        avro.getNetCurrency(),
        avro.getBatchId(),
        avro.getEventTime(),
        avro.getProvenance().getCorrelationId());
  }

  /**
   * The PSP reference of the transaction a refund, chargeback or reversal follows. Adyen and Stripe
   * carry it as the row's psp_reference (the original payment's reference, or the charge); PayPal
   * gives every row its own id and names the original as a related TXN id in metadata. Null for
   * other types and when the row names no original.
   */
  public static String originalReferenceOf(PaymentEvent avro) {
    PaymentEventType type = avro.getType();
    if (type != PaymentEventType.REFUND
        && type != PaymentEventType.CHARGEBACK
        && type != PaymentEventType.CHARGEBACK_REVERSAL) {
      return null;
    }
    Map<String, String> metadata = avro.getMetadata();
    if (metadata != null) {
      String explicit = blankToNull(metadata.get(ORIGINAL_REFERENCE_KEY));
      if (explicit != null) {
        return explicit;
      }
      String related = blankToNull(metadata.get(PAYPAL_RELATED_ID_KEY));
      String relatedType = metadata.get(PAYPAL_RELATED_ID_TYPE_KEY);
      if (related != null
          && (relatedType == null || PAYPAL_TRANSACTION_ID_TYPE.equals(relatedType))) {
        return related;
      }
    }
    String reference = blankToNull(avro.getPspReference());
    // A row whose psp_reference is its own id does not name an original.
    return reference == null || reference.equals(avro.getEventId()) ? null : reference;
  }

  /** The reference a capture is known by: its PSP reference, else its own id. */
  public String captureReference() {
    String reference = blankToNull(pspReference);
    return reference == null ? eventId : reference;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
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
        .setCorrelationId(correlationId)
        .build();
  }
}
