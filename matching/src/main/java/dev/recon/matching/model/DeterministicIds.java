package dev.recon.matching.model;

import dev.recon.schemas.MatchLevel;
import dev.recon.schemas.RecordKind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;

/**
 * Ids derived from what was matched or broken, so a replay produces the same ids and idempotent
 * writers store nothing twice. The tenant is part of every id: two tenants may use the same order
 * numbers.
 */
public final class DeterministicIds {

  /** 128 bits of SHA-256: collisions are not a practical concern at any realistic volume. */
  public static final int HEX_CHARS = 32;

  private static final char SEPARATOR = '\u001f';

  private DeterministicIds() {}

  /** "m-" + hash of tenant, level and the sorted kind:id of every member. */
  public static String matchId(
      String tenantId, MatchLevel level, Collection<? extends ReconRecord> members) {
    List<String> parts = new ArrayList<>();
    for (ReconRecord member : members) {
      parts.add(member.recordKind() + ":" + member.recordId());
    }
    parts.sort(null);
    parts.add(0, level.name());
    parts.add(0, tenantId);
    return "m-" + digest(parts);
  }

  /**
   * "m-" + hash of tenant and manual decision id: what an approved decision books is named by the
   * decision, so a replayed approval books nothing twice.
   */
  public static String decisionMatchId(String tenantId, String decisionId) {
    return "m-" + digest(List.of(tenantId, "DECISION", decisionId));
  }

  /** "x-" + hash of tenant, level, reason and the record (kind, id, currency). */
  public static String exceptionId(
      String tenantId,
      MatchLevel level,
      BreakReason reason,
      RecordKind kind,
      String recordId,
      String currency) {
    return "x-"
        + digest(List.of(tenantId, level.name(), reason.name(), kind.name(), recordId, currency));
  }

  /**
   * "r-" + hash of tenant, the break, how it was resolved and what resolved it (match or decision
   * match, empty for none): a replayed resolution has the same id.
   */
  public static String resolutionId(
      String tenantId, String exceptionId, String how, String resolvedBy) {
    return "r-"
        + digest(
            List.of(
                tenantId, "RESOLUTION", exceptionId, how, resolvedBy == null ? "" : resolvedBy));
  }

  private static String digest(List<String> parts) {
    String joined = String.join(String.valueOf(SEPARATOR), parts);
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(joined.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash).substring(0, HEX_CHARS);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-256", e);
    }
  }
}
