package dev.recon.reporting.web;

import java.time.LocalDate;

/**
 * A journal search: every criterion optional, dates inclusive (UTC days of booking), pages from 0.
 */
record JournalQuery(String sourceId, String account, LocalDate from, LocalDate to, int page) {

  static final int PAGE_SIZE = 100;

  /** Deep offsets get slow on a big ledger; narrow the search instead. */
  static final int MAX_PAGE = 1_000;

  static final int MAX_TEXT = 256;

  JournalQuery {
    if (page < 0 || page > MAX_PAGE) {
      throw new IllegalArgumentException("page must be 0.." + MAX_PAGE);
    }
    if ((sourceId != null && sourceId.length() > MAX_TEXT)
        || (account != null && account.length() > MAX_TEXT)) {
      throw new IllegalArgumentException("search text longer than " + MAX_TEXT);
    }
    sourceId = blankToNull(sourceId);
    account = blankToNull(account);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
