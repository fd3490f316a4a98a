package dev.recon.reporting.export;

import dev.recon.schemas.JournalEntry;
import dev.recon.schemas.Posting;
import java.time.Instant;
import java.util.List;

/** Balanced journal entries for tests: a capture of {@code minor} in one currency. */
public final class Bookings {

  private Bookings() {}

  static JournalEntry capture(String tenant, String id, Instant bookedAt, long minor, String ccy) {
    return entry(tenant, id, "L1:" + id, bookedAt, minor, ccy);
  }

  public static JournalEntry entry(
      String tenant, String id, String sourceId, Instant bookedAt, long minor, String ccy) {
    return JournalEntry.newBuilder()
        .setEntryId(id)
        .setTenantId(tenant)
        .setBookedAt(bookedAt)
        .setSourceKind("MATCH_L1")
        .setSourceId(sourceId)
        .setDescription("capture " + id)
        .setPostings(
            List.of(
                new Posting("psp_receivable:adyen", minor, 0L, ccy),
                new Posting("payments_clearing", 0L, minor, ccy)))
        .build();
  }
}
