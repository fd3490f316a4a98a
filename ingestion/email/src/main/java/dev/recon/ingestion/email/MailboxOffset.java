package dev.recon.ingestion.email;

import java.util.Map;
import java.util.Optional;

/**
 * How far a folder has been processed: every message with a UID up to {@code lastUid} under this
 * {@code uidValidity} is published and flagged or moved. IMAP UIDs are only meaningful together
 * with their folder's UIDVALIDITY; when the server changes it (folder rebuilt, restored from
 * backup) the old UIDs say nothing and the folder is scanned again from the start, relying on the
 * published-objects dedupe to publish nothing twice.
 */
public record MailboxOffset(long uidValidity, long lastUid) {

  /** RFC 3501: UIDs and UIDVALIDITY are unsigned 32-bit numbers. */
  public static final long MAX_UID = 0xFFFF_FFFFL;

  static final String UID_VALIDITY_KEY = "uidvalidity";
  static final String LAST_UID_KEY = "uid";

  public MailboxOffset {
    if (uidValidity < 1 || uidValidity > MAX_UID) {
      throw new IllegalArgumentException("uidvalidity out of range: " + uidValidity);
    }
    if (lastUid < 0 || lastUid > MAX_UID) {
      throw new IllegalArgumentException("uid out of range: " + lastUid);
    }
  }

  /** Nothing processed yet under this UIDVALIDITY. */
  public static MailboxOffset start(long uidValidity) {
    return new MailboxOffset(uidValidity, 0);
  }

  public MailboxOffset advancedTo(long uid) {
    if (uid <= lastUid) {
      throw new IllegalArgumentException("offset moves forward only: " + uid + " <= " + lastUid);
    }
    return new MailboxOffset(uidValidity, uid);
  }

  /**
   * Where a poll starts: the stored offset if it belongs to the folder's current UIDVALIDITY, else
   * the start of the folder.
   */
  public static MailboxOffset resume(Optional<MailboxOffset> stored, long currentUidValidity) {
    return stored
        .filter(o -> o.uidValidity() == currentUidValidity)
        .orElseGet(() -> start(currentUidValidity));
  }

  public Map<String, String> toMap() {
    return Map.of(
        UID_VALIDITY_KEY, Long.toString(uidValidity), LAST_UID_KEY, Long.toString(lastUid));
  }

  /**
   * Reads an offset written by {@link #toMap()}.
   *
   * @throws IllegalArgumentException when a key is missing or a value is not a number in range
   */
  public static MailboxOffset fromMap(Map<String, String> map) {
    return new MailboxOffset(number(map, UID_VALIDITY_KEY), number(map, LAST_UID_KEY));
  }

  private static long number(Map<String, String> map, String key) {
    String value = map.get(key);
    if (value == null) {
      throw new IllegalArgumentException("stored mailbox offset has no " + key);
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("stored mailbox offset " + key + " is not a number", e);
    }
  }
}
