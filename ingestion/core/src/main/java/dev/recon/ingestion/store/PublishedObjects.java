package dev.recon.ingestion.store;

import dev.recon.ingestion.publish.PublishReceipt;
import java.util.Objects;
import java.util.Optional;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * What each connector has already published, by a key the source gives (a file's content hash, a
 * webhook's event id). The row is written only after Kafka acknowledged the record, so a crash in
 * between re-publishes once (at least once into Kafka); normalization's dedupe on tenant, source,
 * content hash and line makes that second copy a no-op downstream.
 */
public final class PublishedObjects {

  public static final int MAX_KEY_CHARS = 512;

  private final TenantTransactions tx;

  public PublishedObjects(TenantTransactions tx) {
    this.tx = Objects.requireNonNull(tx, "tx");
  }

  /** The earlier publication of this object, if any. */
  public Optional<PublishReceipt> find(String tenantId, String source, String dedupeKey) {
    requireKey(dedupeKey);
    Record row =
        tx.inTenant(
            tenantId,
            db ->
                db.resultQuery(
                        "select raw_id, kafka_topic, kafka_partition, kafka_offset"
                            + " from ingestion.published_objects where tenant_id = {0}"
                            + " and source = {1} and dedupe_key = {2}",
                        DSL.val(tenantId), DSL.val(source), DSL.val(dedupeKey))
                    .fetchOptional()
                    .orElse(null));
    if (row == null) {
      return Optional.empty();
    }
    return Optional.of(
        new PublishReceipt(
            row.get(0, String.class),
            row.get(1, String.class),
            row.get(2, Integer.class),
            row.get(3, Long.class)));
  }

  /**
   * Records a publication; returns false when the key was already recorded (a concurrent delivery
   * of the same object won the race: both are in Kafka, downstream dedupe keeps one).
   */
  public boolean record(String tenantId, String source, String dedupeKey, PublishReceipt receipt) {
    requireKey(dedupeKey);
    Objects.requireNonNull(receipt, "receipt");
    int inserted =
        tx.inTenant(
            tenantId,
            db ->
                db.execute(
                    "insert into ingestion.published_objects (tenant_id, source, dedupe_key,"
                        + " raw_id, kafka_topic, kafka_partition, kafka_offset)"
                        + " values ({0}, {1}, {2}, {3}, {4}, {5}, {6})"
                        + " on conflict (tenant_id, source, dedupe_key) do nothing",
                    DSL.val(tenantId),
                    DSL.val(source),
                    DSL.val(dedupeKey),
                    DSL.val(receipt.rawId()),
                    DSL.val(receipt.topic()),
                    DSL.val(receipt.partition()),
                    DSL.val(receipt.offset())));
    return inserted == 1;
  }

  private static void requireKey(String dedupeKey) {
    if (dedupeKey == null || dedupeKey.isEmpty() || dedupeKey.length() > MAX_KEY_CHARS) {
      throw new IllegalArgumentException("dedupe key must have 1-" + MAX_KEY_CHARS + " characters");
    }
  }
}
