package dev.recon.ledger.posting;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Journal entry ids derived from their source, so that booking the same source twice yields the
 * same id and the database's primary key turns the replay into a no-op.
 */
public final class EntryIds {

  public static final String PREFIX = "je-";

  /** Hex characters of the SHA-256 kept: 128 bits, collision-free for any realistic ledger. */
  public static final int HASH_HEX_CHARS = 32;

  private EntryIds() {}

  /** {@code "je-"} + the first 32 hex characters of SHA-256(tenant, source kind, source id). */
  public static String entryId(String tenantId, String sourceKind, String sourceId) {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(sourceKind, "sourceKind");
    Objects.requireNonNull(sourceId, "sourceId");
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
    // NUL separators: none of the parts can contain one ambiguously (tenant and kind are validated
    // identifiers, the source id comes last).
    String key = tenantId + '\0' + sourceKind + '\0' + sourceId;
    byte[] digest = sha256.digest(key.getBytes(StandardCharsets.UTF_8));
    return PREFIX + HexFormat.of().formatHex(digest).substring(0, HASH_HEX_CHARS);
  }
}
