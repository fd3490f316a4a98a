package dev.recon.reporting.access;

/**
 * What a login step came to.
 *
 * @param session the session to set as cookie (pending after the password step, full after TOTP);
 *     null unless {@code status} says a session was started
 */
public record LoginOutcome(Status status, NewSession session, User user) {

  public enum Status {
    /** Password right: a pending session, the TOTP step comes next. */
    TOTP_REQUIRED,
    /** TOTP right: a full session. */
    SIGNED_IN,
    /** Wrong user name, password or code; the same answer for each, so nothing is told. */
    REFUSED,
    /** Too many attempts for this user or address: try later. */
    THROTTLED
  }

  static LoginOutcome of(Status status) {
    return new LoginOutcome(status, null, null);
  }
}
