package dev.recon.matching.job;

import dev.recon.matching.model.Payout;
import dev.recon.matching.model.StatementLine;
import dev.recon.schemas.BankLine;
import dev.recon.schemas.PaymentEvent;
import java.util.Objects;

/**
 * A payout or bank line L4's exact-amount rule could not match when its window ended, on its way to
 * the bank-fee and aggregation rule. A Flink POJO with Avro fields, so it never falls back to Kryo.
 */
public final class L4Leftover {

  /** Set for a payout, null for a bank line. */
  public PaymentEvent payout;

  /** Set for a bank line, null for a payout. */
  public BankLine line;

  /** Event time (epoch millis) at which L4 let it go. */
  public long leftAtMillis;

  /**
   * Set once it broke and is kept for a late counterpart: the break's id, which a late match
   * resolves. Null while it waits for its first decision.
   */
  public String exceptionId;

  /** When (event time, epoch millis) the break was raised; meaningful with {@link #exceptionId}. */
  public long brokeAtMillis;

  public L4Leftover() {}

  static L4Leftover of(PaymentEvent payout, long leftAtMillis) {
    L4Leftover l = new L4Leftover();
    l.payout = Objects.requireNonNull(payout, "payout");
    l.leftAtMillis = leftAtMillis;
    return l;
  }

  static L4Leftover of(BankLine line, long leftAtMillis) {
    L4Leftover l = new L4Leftover();
    l.line = Objects.requireNonNull(line, "line");
    l.leftAtMillis = leftAtMillis;
    return l;
  }

  String tenantId() {
    return payout != null
        ? payout.getProvenance().getTenantId()
        : line.getProvenance().getTenantId();
  }

  String currency() {
    return payout != null ? payout.getNetCurrency() : line.getCurrency();
  }

  /** The L4 key (tenant, currency, amount) it was let go under. */
  String amountKey() {
    return payout != null ? InputKeys.payoutByAmount(payout) : InputKeys.bankLineByAmount(line);
  }

  String recordId() {
    return payout != null ? Payout.from(payout).recordId() : StatementLine.from(line).recordId();
  }
}
