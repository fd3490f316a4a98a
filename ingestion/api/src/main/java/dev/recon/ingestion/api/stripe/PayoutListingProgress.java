package dev.recon.ingestion.api.stripe;

import dev.recon.ingestion.api.OffsetFields;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How far the current listing of paid payouts got: its {@code created[gte]} filter (kept for the
 * whole traversal, so the cursor stays valid), the cursor after the last payout whose transactions
 * were all fetched, and whether the listing reached its end. Stored under {@link #PARTITION}.
 */
public record PayoutListingProgress(
    long createdGte, String startingAfter, int pagesRead, boolean complete) {

  public static final String PARTITION = "payouts";

  public PayoutListingProgress {
    if (createdGte < 0 || pagesRead < 0) {
      throw new IllegalArgumentException("created_gte and pages_read must not be negative");
    }
    if (startingAfter != null && !StripeListPage.OBJECT_ID.matcher(startingAfter).matches()) {
      throw new IllegalArgumentException("starting_after is not a Stripe id");
    }
  }

  public static PayoutListingProgress start(long createdGte) {
    return new PayoutListingProgress(createdGte, null, 0, false);
  }

  /** Progress once every payout of {@code page} has been fetched. */
  public PayoutListingProgress after(StripeListPage.Valid page) {
    String next = page.ids().isEmpty() ? startingAfter : page.lastId();
    return new PayoutListingProgress(createdGte, next, pagesRead + 1, !page.hasMore());
  }

  public Map<String, String> toMap() {
    Map<String, String> m = new HashMap<>();
    m.put("created_gte", Long.toString(createdGte));
    m.put("starting_after", Objects.requireNonNullElse(startingAfter, ""));
    m.put("pages_read", Integer.toString(pagesRead));
    m.put("complete", Boolean.toString(complete));
    return m;
  }

  /**
   * @throws IllegalArgumentException when the stored map is not one of ours (a bug or tampering)
   */
  public static PayoutListingProgress fromMap(Map<String, String> m) {
    String cursor = OffsetFields.text(m, "starting_after");
    return new PayoutListingProgress(
        OffsetFields.number(m, "created_gte"),
        cursor.isEmpty() ? null : cursor,
        OffsetFields.count(m, "pages_read"),
        OffsetFields.flag(m, "complete"));
  }
}
