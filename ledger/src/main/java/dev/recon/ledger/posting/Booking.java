package dev.recon.ledger.posting;

import dev.recon.schemas.RecordKind;
import java.util.List;

/**
 * What a match books, and so which section of the posting table it reads. Which booking a match
 * gets, and which of its members a booking looks at, is structure and stays in code.
 */
public enum Booking {
  /** L1/L2, or a manual match of an expectation with PSP rows: the capture is confirmed. */
  CAPTURE,
  /** L3, or a manual match of PSP rows with a payout: the PSP settled the batch. */
  SETTLEMENT,
  /** L4, or a manual match of a payout with a bank line: the cash arrived. */
  CASH,
  /** An approved write-off of one record. */
  WRITE_OFF;

  /** The member kinds this booking books, in the order it books them; others are ignored. */
  public List<RecordKind> memberKinds() {
    return switch (this) {
      case CAPTURE -> List.of(RecordKind.EXPECTED, RecordKind.PSP_TXN);
      case SETTLEMENT -> List.of(RecordKind.PSP_TXN, RecordKind.PAYOUT);
      case CASH -> List.of(RecordKind.PAYOUT, RecordKind.BANK_LINE);
      case WRITE_OFF ->
          List.of(RecordKind.PSP_TXN, RecordKind.PAYOUT, RecordKind.BANK_LINE, RecordKind.EXPECTED);
    };
  }

  /**
   * Whether members of this kind book by their event type (a rule per PaymentEventType), else by
   * one rule for the kind. Only PSP rows carry a type the matching module fills in for booking; a
   * write-off's member is the decision's, which has none. These PSP rows are also the only members
   * with a fee, a net and a net currency to book.
   */
  public boolean byEventType(RecordKind kind) {
    return kind == RecordKind.PSP_TXN && (this == CAPTURE || this == SETTLEMENT);
  }
}
