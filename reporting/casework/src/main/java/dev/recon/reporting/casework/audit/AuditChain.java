package dev.recon.reporting.casework.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The hash chain of the audit trail, as pure functions: {@code hash = SHA-256(prev_hash ||
 * canonical(event))}. The canonical form is versioned and length-prefixes every field, so no field
 * content can imitate a separator; times are UTC with exactly three fraction digits.
 */
public final class AuditChain {

  /** prev_hash of a tenant's first event. */
  public static final String GENESIS = "0".repeat(64);

  /** Names the canonical form, so a future form can be told apart. */
  public static final String FORMAT = "recon-audit-v1";

  public static final int MAX_ACTOR_CHARS = 200;
  public static final int MAX_ACTION_CHARS = 64;
  public static final int MAX_SUBJECT_CHARS = 320;
  public static final int MAX_DETAIL_CHARS = 16_000;

  /** The prefix of actors that are not people. */
  public static final String SYSTEM_PREFIX = "system:";

  private static final Pattern HEX_HASH = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern ACTION = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
  private static final DateTimeFormatter MILLIS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private AuditChain() {}

  /** The stored precision of an event's time: what is hashed must be what is read back. */
  public static Instant truncate(Instant at) {
    return at.truncatedTo(ChronoUnit.MILLIS);
  }

  public static String canonical(
      String tenantId,
      long seq,
      Instant at,
      String actor,
      String action,
      String subject,
      String detail) {
    StringBuilder text = new StringBuilder(FORMAT);
    for (String field :
        List.of(
            tenantId,
            Long.toString(seq),
            MILLIS.format(truncate(at)),
            actor,
            action,
            subject,
            detail)) {
      text.append('\n').append(field.length()).append(':').append(field);
    }
    return text.toString();
  }

  public static String hash(
      String prevHash,
      String tenantId,
      long seq,
      Instant at,
      String actor,
      String action,
      String subject,
      String detail) {
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
    sha256.update(prevHash.getBytes(StandardCharsets.US_ASCII));
    sha256.update(
        canonical(tenantId, seq, at, actor, action, subject, detail)
            .getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(sha256.digest());
  }

  public static boolean isHash(String text) {
    return text != null && HEX_HASH.matcher(text).matches();
  }

  /** A person's user id, or {@code system:<component>}; bounded and non-blank. */
  public static String requireActor(String actor) {
    if (actor == null
        || actor.isBlank()
        || actor.length() > MAX_ACTOR_CHARS
        || actor.equals(SYSTEM_PREFIX)) {
      throw new IllegalArgumentException("actor must have 1-" + MAX_ACTOR_CHARS + " characters");
    }
    return actor;
  }

  public static String requireAction(String action) {
    if (action == null || !ACTION.matcher(action).matches()) {
      throw new IllegalArgumentException("action must match " + ACTION.pattern());
    }
    return action;
  }

  public static String requireSubject(String subject) {
    if (subject == null || subject.isBlank() || subject.length() > MAX_SUBJECT_CHARS) {
      throw new IllegalArgumentException(
          "subject must have 1-" + MAX_SUBJECT_CHARS + " characters");
    }
    return subject;
  }

  /**
   * Checks one event against the one before it (null for the first).
   *
   * @return what is wrong, or null when the link holds
   */
  public static String problem(AuditEvent previous, AuditEvent event) {
    long expectedSeq = previous == null ? 1 : previous.seq() + 1;
    if (event.seq() != expectedSeq) {
      return "expected event " + expectedSeq + ", found " + event.seq();
    }
    String expectedPrev = previous == null ? GENESIS : previous.hash();
    if (!event.prevHash().equals(expectedPrev)) {
      return "prev_hash does not name the previous event's hash";
    }
    if (!event.hash().equals(event.computedHash())) {
      return "hash does not match the event's content";
    }
    return null;
  }
}
