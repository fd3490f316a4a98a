package dev.recon.matching.job;

import dev.recon.schemas.ExpectedPayment;
import dev.recon.schemas.PaymentEvent;
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
