package dev.recon.ingestion.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.jooq.JSONB;
import org.jooq.impl.DSL;

/**
 * Durable connector progress: one string map per (tenant, connector, source partition), written by
 * connectors' offset records ({@code toMap}/{@code fromMap}) after the data they cover is in Kafka.
 */
public final class ConnectorOffsets {

  /** Offsets are small; a map this big means a connector bug, not data. */
  public static final int MAX_ENTRIES = 64;

  public static final int MAX_VALUE_CHARS = 2048;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<TreeMap<String, String>> MAP = new TypeReference<>() {};

  private final TenantTransactions tx;

  public ConnectorOffsets(TenantTransactions tx) {
    this.tx = Objects.requireNonNull(tx, "tx");
  }

  public Optional<Map<String, String>> load(
      String tenantId, String connectorId, String partitionKey) {
    JSONB stored =
        tx.inTenant(
            tenantId,
            db ->
                db.resultQuery(
                        "select offset_map from ingestion.connector_offsets"
                            + " where tenant_id = {0} and connector_id = {1}"
                            + " and partition_key = {2}",
                        DSL.val(tenantId), DSL.val(connectorId), DSL.val(partitionKey))
                    .fetchOptional(0, JSONB.class)
                    .orElse(null));
    if (stored == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Map.copyOf(JSON.readValue(stored.data(), MAP)));
    } catch (java.io.IOException e) {
      throw new IllegalStateException("stored offset of " + connectorId + " is not a map", e);
    }
  }

  public void save(
      String tenantId, String connectorId, String partitionKey, Map<String, String> offset) {
    requireSmall(offset);
    String json;
    try {
      json = JSON.writeValueAsString(new TreeMap<>(offset));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("offset map cannot be written as JSON", e);
    }
    tx.inTenant(
        tenantId,
        db ->
            db.execute(
                "insert into ingestion.connector_offsets"
                    + " (tenant_id, connector_id, partition_key, offset_map, updated_at)"
                    + " values ({0}, {1}, {2}, {3}::jsonb, now())"
                    + " on conflict (tenant_id, connector_id, partition_key)"
                    + " do update set offset_map = excluded.offset_map, updated_at = now()",
                DSL.val(tenantId), DSL.val(connectorId), DSL.val(partitionKey), DSL.val(json)));
  }

  private static void requireSmall(Map<String, String> offset) {
    Objects.requireNonNull(offset, "offset");
    if (offset.size() > MAX_ENTRIES) {
      throw new IllegalArgumentException(
          "offset has " + offset.size() + " entries, over " + MAX_ENTRIES);
    }
    offset.forEach(
        (k, v) -> {
          if (k == null || v == null) {
            throw new IllegalArgumentException("offset keys and values must not be null");
          }
          if (v.length() > MAX_VALUE_CHARS) {
            throw new IllegalArgumentException(
                "offset value of " + k + " is over " + MAX_VALUE_CHARS + " characters");
          }
        });
  }
}
