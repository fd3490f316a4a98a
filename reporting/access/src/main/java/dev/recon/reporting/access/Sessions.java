package dev.recon.reporting.access;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Browser sessions: random 256-bit ids of which only the SHA-256 is stored, with the lifetimes of
 * {@link SessionLifetime}. Thread-safe.
 */
public final class Sessions {

  /** Client addresses are stored for the audit; longer input is cut. */
  public static final int MAX_ADDRESS_LENGTH = 64;

  /** Token cookies are 43 characters; anything much longer is not ours and is not hashed. */
  private static final int MAX_TOKEN_LENGTH = 128;

  private final DataSource db;
  private final Clock clock;

  public Sessions(DataSource appDataSource, Clock clock) {
    this.db = Objects.requireNonNull(appDataSource);
    this.clock = Objects.requireNonNull(clock);
  }

  /** A session after the password step: it may only complete the TOTP step. */
  public NewSession startPending(long userId, String clientAddress) {
    return start(userId, clientAddress, false);
  }

  /** A full session, after the second factor. */
  public NewSession startFull(long userId, String clientAddress) {
    return start(userId, clientAddress, true);
  }

  private NewSession start(long userId, String clientAddress, boolean mfaPassed) {
    String token = SecretTokens.newToken();
    String csrf = SecretTokens.newToken();
    Timestamp now = Timestamp.from(clock.instant());
    String address = clientAddress == null ? "" : clientAddress;
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "insert into access.sessions (session_hash, user_id, created_at, last_seen_at,"
                    + " mfa_at, csrf_token, client_address) values (?, ?, ?, ?, ?, ?, ?)")) {
      s.setBytes(1, SecretTokens.sha256(token));
      s.setLong(2, userId);
      s.setTimestamp(3, now);
      s.setTimestamp(4, now);
      s.setTimestamp(5, mfaPassed ? now : null);
      s.setString(6, csrf);
      s.setString(7, address.substring(0, Math.min(address.length(), MAX_ADDRESS_LENGTH)));
      s.executeUpdate();
      return new NewSession(token, csrf);
    } catch (SQLException e) {
      throw new AccessStoreException(e);
    }
  }

  /**
   * The live session of a cookie value, its idle clock restarted; empty for an unknown, revoked,
   * expired session or a disabled user.
   */
  public Optional<Session> lookup(String token) {
    if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
      return Optional.empty();
    }
    byte[] hash = SecretTokens.sha256(token);
    Instant now = clock.instant();
    try (Connection c = db.getConnection()) {
      Session session;
      Instant revokedAt;
      try (PreparedStatement s =
          c.prepareStatement(
              "select s.user_id, u.username, u.display_name, s.mfa_at, s.csrf_token,"
                  + " s.created_at, s.last_seen_at, s.revoked_at, u.disabled"
                  + " from access.sessions s join access.users u on u.user_id = s.user_id"
                  + " where s.session_hash = ?")) {
        s.setBytes(1, hash);
        try (ResultSet rs = s.executeQuery()) {
          if (!rs.next() || rs.getBoolean(9)) {
            return Optional.empty();
          }
          session =
              new Session(
                  rs.getLong(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getTimestamp(4) != null,
                  rs.getString(5),
                  rs.getTimestamp(6).toInstant(),
                  rs.getTimestamp(7).toInstant());
          Timestamp revoked = rs.getTimestamp(8);
          revokedAt = revoked == null ? null : revoked.toInstant();
        }
      }
      if (!SessionLifetime.isLive(
          session.createdAt(), session.lastSeenAt(), session.mfaPassed(), revokedAt, now)) {
        return Optional.empty();
      }
      try (PreparedStatement s =
          c.prepareStatement(
              "update access.sessions set last_seen_at = ? where session_hash = ?"
                  + " and last_seen_at < ?")) {
        s.setTimestamp(1, Timestamp.from(now));
        s.setBytes(2, hash);
        s.setTimestamp(3, Timestamp.from(now));
        s.executeUpdate();
      }
      return Optional.of(
          new Session(
              session.userId(),
              session.username(),
              session.displayName(),
              session.mfaPassed(),
              session.csrfToken(),
              session.createdAt(),
              now));
    } catch (SQLException e) {
      throw new AccessStoreException(e);
    }
  }

  /** Ends one session (logout); unknown tokens are ignored. */
  public void revoke(String token) {
    if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
      return;
    }
    execute(
        "update access.sessions set revoked_at = ? where session_hash = ? and revoked_at is null",
        Timestamp.from(clock.instant()),
        SecretTokens.sha256(token));
  }

  /** Ends every session of the user (password reset, disabling, "log out everywhere"). */
  public int revokeAllOf(long userId) {
    return execute(
        "update access.sessions set revoked_at = ? where user_id = ? and revoked_at is null",
        Timestamp.from(clock.instant()),
        userId);
  }

  private int execute(String sql, Object... args) {
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      Users.bind(s, args);
      return s.executeUpdate();
    } catch (SQLException e) {
      throw new AccessStoreException(e);
    }
  }
}
