package dev.recon.ingestion.api.stripe;

import java.io.InputStream;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The pagination facts of one Stripe list response: the ids of its objects, in order, and whether
 * more follow. Nothing else is read; the body itself is published as it came.
 */
public sealed interface StripeListPage {

  /** Stripe object ids ({@code po_...}, {@code txn_...}); they go into URLs and offset records. */
  Pattern OBJECT_ID = Pattern.compile("[A-Za-z0-9_]{1,255}");

  /** A list page that can be followed. */
  record Valid(List<String> ids, boolean hasMore) implements StripeListPage {
    public Valid {
      ids = List.copyOf(ids);
      if (hasMore && ids.isEmpty()) {
        throw new IllegalArgumentException("a page with more to come cannot be empty");
      }
    }

    /**
     * False when the provider answered a cursor with a page ending on that same cursor while
     * claiming more: following it would loop forever.
     */
    public boolean advancesFrom(String cursor) {
      return !hasMore || !lastId().equals(cursor);
    }

    /** The cursor for the next page ({@code starting_after}); null for an empty page. */
    public String lastId() {
      return ids.isEmpty() ? null : ids.get(ids.size() - 1);
    }
  }

  /** Not a Stripe list, or one that cannot be followed safely; reason names what is wrong. */
  record Malformed(String reason) implements StripeListPage {}

  /** Reads a list response of at most {@code maxItems} objects. */
  static StripeListPage read(InputStream json, int maxItems) {
    return StripeListReader.read(json, maxItems);
  }
}
