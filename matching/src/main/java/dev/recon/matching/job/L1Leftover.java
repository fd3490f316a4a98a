package dev.recon.matching.job;

import dev.recon.schemas.ExpectedPayment;
import dev.recon.schemas.PaymentEvent;
import java.util.List;
import java.util.Objects;

/**
 * An expected payment or a capture L1 could not match when its reference expired, on its way to L2.
 * A Flink POJO (public fields, no-arg constructor) with Avro fields, so it never falls back to
 * Kryo.
 */
public final class L1Leftover {

  /** Set for an expected payment, null for a capture. */
  public ExpectedPayment expected;

  /** Set for a capture, null for an expected payment. */
  public PaymentEvent capture;

  /** The L1 key it expired under: L2 breaks what it cannot place per L1 reference, as L1 would. */
  public String exactKey;

  /** Whether the reference had an expected payment (an extra capture is then a DUPLICATE). */
  public boolean referenceExpected;

  /** Event time (epoch millis) at which L1 let it go. */
  public long leftAtMillis;

  /**
   * The captures L1 paired on the same reference, joined by {@link #ID_SEPARATOR} (empty for none):
   * a DUPLICATE capture names them. A String, not a List, so the POJO needs no Kryo.
   */
  public String pairedCaptureIds = "";

  /**
   * Set once L2 broke it and keeps it for a late counterpart: the break's id, which a late match
   * resolves. Null while it waits for its first decision.
   */
  public String exceptionId;

  /** When (event time, epoch millis) the break was raised; meaningful with {@link #exceptionId}. */
  public long brokeAtMillis;

  static final String ID_SEPARATOR = "\u001f";

  public L1Leftover() {}

  static L1Leftover of(
      ExpectedPayment expected, String exactKey, boolean referenceExpected, long leftAtMillis) {
    L1Leftover l = new L1Leftover();
    l.expected = Objects.requireNonNull(expected, "expected");
    l.exactKey = exactKey;
    l.referenceExpected = referenceExpected;
    l.leftAtMillis = leftAtMillis;
    return l;
  }

  static L1Leftover of(
      PaymentEvent capture, String exactKey, boolean referenceExpected, long leftAtMillis) {
    L1Leftover l = new L1Leftover();
    l.capture = Objects.requireNonNull(capture, "capture");
    l.exactKey = exactKey;
    l.referenceExpected = referenceExpected;
    l.leftAtMillis = leftAtMillis;
    return l;
  }

  L1Leftover withPairedCaptures(List<String> ids) {
    pairedCaptureIds = String.join(ID_SEPARATOR, ids);
    return this;
  }

  List<String> pairedCaptures() {
    return pairedCaptureIds == null || pairedCaptureIds.isEmpty()
        ? List.of()
        : List.of(pairedCaptureIds.split(ID_SEPARATOR, -1));
  }

  String tenantId() {
    return expected != null
        ? expected.getProvenance().getTenantId()
        : capture.getProvenance().getTenantId();
  }

  String psp() {
    return expected != null ? expected.getPsp() : capture.getPsp();
  }

  String currency() {
    return expected != null ? expected.getCurrency() : capture.getGrossCurrency();
  }

  String merchantReference() {
    return expected != null ? expected.getMerchantReference() : capture.getMerchantReference();
  }
}
