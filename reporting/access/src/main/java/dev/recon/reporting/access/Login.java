package dev.recon.reporting.access;

import java.util.Objects;
import java.util.Optional;

/**
 * The two login steps: password, then TOTP. The TOTP step swaps the pending session for a new full
 * one, so a session id seen before the second factor is worth nothing after it.
 */
public final class Login {

  private final Users users;
  private final Sessions sessions;
  private final LoginThrottle throttle;

  public Login(Users users, Sessions sessions, LoginThrottle throttle) {
    this.users = Objects.requireNonNull(users);
    this.sessions = Objects.requireNonNull(sessions);
    this.throttle = Objects.requireNonNull(throttle);
  }

  public LoginOutcome password(String username, char[] password, String clientAddress) {
    String name = username == null ? "" : username.trim();
    if (name.isEmpty() || name.length() > 64) {
      return LoginOutcome.of(LoginOutcome.Status.REFUSED);
    }
    if (!throttle.tryAttempt(name, clientAddress)) {
      return LoginOutcome.of(LoginOutcome.Status.THROTTLED);
    }
    Optional<User> user = users.checkPassword(name, password);
    if (user.isEmpty()) {
      return LoginOutcome.of(LoginOutcome.Status.REFUSED);
    }
    NewSession pending = sessions.startPending(user.get().id(), clientAddress);
    return new LoginOutcome(LoginOutcome.Status.TOTP_REQUIRED, pending, user.get());
  }

  /**
   * @param pendingToken the cookie of the session the password step started
   */
  public LoginOutcome totp(String pendingToken, String code, String clientAddress) {
    Optional<Session> pending = sessions.lookup(pendingToken);
    if (pending.isEmpty() || pending.get().mfaPassed()) {
      return LoginOutcome.of(LoginOutcome.Status.REFUSED);
    }
    Session session = pending.get();
    if (!throttle.tryAttempt(session.username(), clientAddress)) {
      return LoginOutcome.of(LoginOutcome.Status.THROTTLED);
    }
    if (!users.checkTotp(session.userId(), code == null ? "" : code.trim())) {
      return LoginOutcome.of(LoginOutcome.Status.REFUSED);
    }
    sessions.revoke(pendingToken);
    NewSession full = sessions.startFull(session.userId(), clientAddress);
    return new LoginOutcome(
        LoginOutcome.Status.SIGNED_IN,
        full,
        new User(session.userId(), session.username(), session.displayName(), false));
  }
}
