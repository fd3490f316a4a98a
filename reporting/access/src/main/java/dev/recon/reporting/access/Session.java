package dev.recon.reporting.access;

import java.time.Instant;

/**
 * A live browser session as looked up by its cookie.
 *
 * @param csrfToken the synchronizer token every form of this session must send back
 * @param mfaPassed false while only the password step is done
 */
public record Session(
    long userId,
    String username,
    String displayName,
    boolean mfaPassed,
    String csrfToken,
    Instant createdAt,
    Instant lastSeenAt) {

  @Override
  public String toString() {
    return "Session[user=" + username + ", mfaPassed=" + mfaPassed + "]";
  }
}
