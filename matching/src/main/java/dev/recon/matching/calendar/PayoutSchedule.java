package dev.recon.matching.calendar;

import java.io.Serializable;

/**
 * When a PSP pays out: a capture is in a payout T+{@code settlementDays} business days after its
 * date, and a payout reaches the bank T+{@code bankDays} business days after the payout date.
 */
public record PayoutSchedule(int settlementDays, int bankDays) implements Serializable {

  private static final long serialVersionUID = 1L;

  public PayoutSchedule {
    if (settlementDays < 0 || settlementDays > BusinessCalendar.MAX_BUSINESS_DAYS) {
      throw new IllegalArgumentException("settlementDays outside 0..60: " + settlementDays);
    }
    if (bankDays < 0 || bankDays > BusinessCalendar.MAX_BUSINESS_DAYS) {
      throw new IllegalArgumentException("bankDays outside 0..60: " + bankDays);
    }
  }
}
