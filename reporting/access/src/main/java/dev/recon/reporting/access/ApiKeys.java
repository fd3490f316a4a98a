package dev.recon.reporting.access;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * API keys {@code rk_<id>_<secret>}: the id finds the row, the secret's SHA-256 is compared in
 * constant time. Per tenant, scoped, revocable, with the time of last use. Thread-safe.
 */
public final class ApiKeys {

  public static final String PREFIX = "rk_";
  public static final int MAX_LABEL_LENGTH = 128;

  /** Keys per tenant, active or revoked: a limit on what one administrator can pile up. */
  public static final int MAX_KEYS_PER_TENANT = 1_000;

  private static final Pattern KEY = Pattern.compile("rk_([0-9a-f]{16})_([A-Za-z0-9_-]{43})");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final DataSource db;
  private final Clock clock;

  public ApiKeys(DataSource appDataSource, Clock clock) {
    this.db = Objects.requireNonNull(appDataSource);
    this.clock = Objects.requireNonNull(clock);
  }

  /**
   * @throws IllegalArgumentException for no scopes, a bad label or tenant, or too many keys
   */
  public NewApiKey create(long userId, String tenantId, Set<ApiScope> scopes, String label) {
    Users.requireTenant(tenantId);
    if (scopes.isEmpty()) {
      throw new IllegalArgumentException("an API key needs at least one scope");
    }
    if (label == null || label.isBlank() || label.length() > MAX_LABEL_LENGTH) {
      throw new IllegalArgumentException("label of 1-" + MAX_LABEL_LENGTH + " characters");
    }
    if (list(tenantId).size() >= MAX_KEYS_PER_TENANT) {
      throw new IllegalArgumentException("tenant has " + MAX_KEYS_PER_TENANT + " keys already");
    }
    byte[] idBytes = new byte[8];
    RANDOM.nextBytes(idBytes);
    String keyId = HexFormat.of().formatHex(idBytes);
    String secret = SecretTokens.newToken();
    Instant now = clock.instant();
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "insert into access.api_keys (key_id, secret_hash, user_id, tenant_id, scopes,"
                    + " label, created_at) values (?, ?, ?, ?, ?, ?, ?)")) {
      s.setString(1, keyId);
      s.setBytes(2, SecretTokens.sha256(secret));
      s.setLong(3, userId);
      s.setString(4, tenantId);
      s.setString(5, ApiScope.format(scopes));
      s.setString(6, label);
      s.setTimestamp(7, Timestamp.from(now));
      s.executeUpdate();
    } catch (SQLException e) {
      throw new AccessStoreException(e);
    }
    return new NewApiKey(
        PREFIX + keyId + "_" + secret,
        new ApiKey(keyId, userId, tenantId, scopes, label, now, null, null));
  }

  /**
   * Who the key acts as, if it is well formed, known, not revoked, its secret right, and its user
   * enabled with a role in the key's tenant; records the use.
   */
  public Optional<ApiPrincipal> authenticate(String key) {
    Matcher m = KEY.matcher(key == null ? "" : key);
    if (!m.matches()) {
      return Optional.empty();
    }
    try (Connection c = db.getConnection()) {
      ApiPrincipal principal;
      try (PreparedStatement s =
          c.prepareStatement(
              "select k.secret_hash, k.user_id, u.username, k.tenant_id, m.role, k.scopes"
                  + " from access.api_keys k join access.users u on u.user_id = k.user_id"
                  + " join access.memberships m on m.user_id = k.user_id"
                  + " and m.tenant_id = k.tenant_id"
                  + " where k.key_id = ? and k.revoked_at is null and not u.disabled")) {
        s.setString(1, m.group(1));
        try (ResultSet rs = s.executeQuery()) {
          if (!rs.next()
              || !MessageDigest.isEqual(rs.getBytes(1), SecretTokens.sha256(m.group(2)))) {
            return Optional.empty();
          }
          principal =
              new ApiPrincipal(
                  m.group(1),
                  rs.getLong(2),
                  rs.getString(3),
                  rs.getString(4),
                  Role.valueOf(rs.getString(5)),
                  ApiScope.parse(rs.getString(6)));
        }
      }
      try (PreparedStatement s =
          c.prepareStatement("update access.api_keys set last_used_at = ? where key_id = ?")) {
        s.setTimestamp(1, Timestamp.from(clock.instant()));
        s.setString(2, principal.keyId());
        s.executeUpdate();
      }
      return Optional.of(principal);
    } catch (SQLException e) {
      throw new AccessStoreException(e);
    }
  }

  /** Revokes a key of the tenant; false if there is no such active key there. */
  public boolean revoke(String tenantId, String keyId) {
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "update access.api_keys set revoked_at = ? where key_id = ? and tenant_id = ?"
                    + " and revoked_at is null")) {
      s.setTimestamp(1, Timestamp.from(clock.instant()));
      s.setString(2, keyId);
      s.setString(3, tenantId);
      return s.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new AccessStoreException(e);
    }
  }

  /** The tenant's keys, newest first. */
  public List<ApiKey> list(String tenantId) {
    List<ApiKey> out = new ArrayList<>();
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "select key_id, user_id, tenant_id, scopes, label, created_at, last_used_at,"
                    + " revoked_at from access.api_keys where tenant_id = ?"
                    + " order by created_at desc, key_id")) {
      s.setString(1, tenantId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(
              new ApiKey(
                  rs.getString(1),
                  rs.getLong(2),
                  rs.getString(3),
                  ApiScope.parse(rs.getString(4)),
                  rs.getString(5),
                  rs.getTimestamp(6).toInstant(),
                  instant(rs.getTimestamp(7)),
                  instant(rs.getTimestamp(8))));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new AccessStoreException(e);
    }
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
