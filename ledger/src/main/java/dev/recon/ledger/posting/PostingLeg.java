package dev.recon.ledger.posting;

import java.io.Serializable;
import java.util.Objects;

/**
 * One leg of a posting rule: debit one account, credit another, with one amount of the member.
 * Every leg balances on its own, so any table books balanced entries.
 *
 * @param whenMissing where to book when the member lacks a template's qualifier, else null
 */
public record PostingLeg(
    AccountTemplate debit,
    AccountTemplate credit,
    LegAmount amount,
    AmountSign sign,
    QualifierFallback whenMissing)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  public PostingLeg {
    Objects.requireNonNull(debit, "debit");
    Objects.requireNonNull(credit, "credit");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(sign, "sign");
  }
}
