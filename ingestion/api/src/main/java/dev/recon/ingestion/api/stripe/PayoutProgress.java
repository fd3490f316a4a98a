package dev.recon.ingestion.api.stripe;

import dev.recon.ingestion.api.OffsetFields;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How far the balance transactions of one payout were fetched: the cursor after the last
 * transaction of the last published page, how many pages were read, and whether the last one was
 * reached. Saved after each page is in Kafka, so a restart continues with the next page.
 */
public record PayoutProgress(
    String payoutId, String startingAfter, int pagesRead, boolean complete) {

  public PayoutProgress {
    Objects.requireNonNull(payoutId, "payoutId");
    if (!StripeListPage.OBJECT_ID.matcher(payoutId).matches()) {
      throw new IllegalArgumentException("payout id is not a Stripe id");
    }
    if (startingAfter != null && !StripeListPage.OBJECT_ID.matcher(startingAfter).matches()) {
      throw new IllegalArgumentException("starting_after is not a Stripe id");
    }
    if (pagesRead < 0) {
      throw new IllegalArgumentException("pages_read must not be negative");
    }
  }

  public static PayoutProgress start(String payoutId) {
    return new PayoutProgress(payoutId, null, 0, false);
  }

  /** The offset partition of this payout. */
  public static String partition(String payoutId) {
    return "payout:" + payoutId;
  }

  /** 1-based number of the page the cursor points at. */
  public int nextPage() {
    return pagesRead + 1;
  }

  /**
   * Identifies the next page by payout and cursor, so a page published before a crash (but whose
   * progress was not saved) is recognised and not published again.
   */
  public String nextPageKey() {
    return "balance_transactions:"
        + payoutId
        + ":after:"
        + Objects.requireNonNullElse(startingAfter, "-");
  }

  /** The raw record's file name for the next page. */
  public String nextPageFileName() {
    return "stripe-balance-transactions-" + payoutId + "-page-" + nextPage() + ".json";
  }

  /** Progress once {@code page} (the one the cursor pointed at) is in Kafka. */
  public PayoutProgress after(StripeListPage.Valid page) {
    String next = page.ids().isEmpty() ? startingAfter : page.lastId();
    return new PayoutProgress(payoutId, next, pagesRead + 1, !page.hasMore());
  }

  public Map<String, String> toMap() {
    Map<String, String> m = new HashMap<>();
    m.put("payout", payoutId);
    m.put("starting_after", Objects.requireNonNullElse(startingAfter, ""));
    m.put("pages_read", Integer.toString(pagesRead));
    m.put("complete", Boolean.toString(complete));
    return m;
  }

  /**
   * @throws IllegalArgumentException when the stored map is not one of ours (a bug or tampering)
   */
  public static PayoutProgress fromMap(Map<String, String> m) {
    String cursor = OffsetFields.text(m, "starting_after");
    return new PayoutProgress(
        OffsetFields.text(m, "payout"),
        cursor.isEmpty() ? null : cursor,
        OffsetFields.count(m, "pages_read"),
        OffsetFields.flag(m, "complete"));
  }
}
