package dev.recon.reporting.access;

import dev.recon.ledger.posting.JournalEntryInvariants;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Users, their credentials and their memberships, in the {@code access} schema. Thread-safe. */
public final class Users {

  public static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{1,63}");
  public static final int MAX_DISPLAY_NAME = 128;

  /** Rows read per round by {@link #rewrapTotpSecrets}. */
  public static final int REWRAP_BATCH = 500;

  private static final Logger LOG = LoggerFactory.getLogger(Users.class);

  /** Verified against when the user name is unknown, so both cases take as long. */
  private static final String DUMMY_HASH = PasswordHasher.hash("not a real password".toCharArray());

  private final DataSource db;
  private final Clock clock;
  private final PasswordPolicy policy;
  private final TotpKeyring keyring;

  /**
   * @param keyring seals new TOTP secrets and opens stored ones
   */
  public Users(DataSource appDataSource, Clock clock, PasswordPolicy policy, TotpKeyring keyring) {
    this.db = Objects.requireNonNull(appDataSource);
    this.clock = Objects.requireNonNull(clock);
    this.policy = Objects.requireNonNull(policy);
    this.keyring = Objects.requireNonNull(keyring);
  }

  public PasswordPolicy policy() {
    return policy;
  }

  /**
   * Creates a user with a fresh TOTP secret.
   *
   * @throws IllegalArgumentException for a bad user name or display name, a password the policy
   *     refuses (check {@link PasswordPolicy#check} first to tell the user why), or a taken name
   */
  public NewUser create(String username, String displayName, char[] password) {
    String name = requireUsername(username);
    requireDisplayName(displayName);
    String hash = requireAcceptable(password);
    TotpSecret secret = TotpSecret.generate();
    try (Connection c = db.getConnection()) {
      // the id is drawn first: it is the associated data the secret is sealed with
      long userId;
      try (PreparedStatement s =
              c.prepareStatement(
                  "select nextval(pg_get_serial_sequence('access.users', 'user_id'))");
          ResultSet rs = s.executeQuery()) {
        rs.next();
        userId = rs.getLong(1);
      }
      SealedTotpSecret sealed = keyring.seal(userId, secret);
      try (PreparedStatement s =
          c.prepareStatement(
              "insert into access.users (user_id, username, display_name, password_hash,"
                  + " totp_key_id, totp_nonce, totp_ciphertext, created_at)"
                  + " overriding system value values (?, ?, ?, ?, ?, ?, ?, ?)"
                  + " on conflict (username) do nothing")) {
        s.setLong(1, userId);
        s.setString(2, name);
        s.setString(3, displayName);
        s.setString(4, hash);
        s.setString(5, sealed.keyId());
        s.setBytes(6, sealed.nonce());
        s.setBytes(7, sealed.ciphertext());
        s.setTimestamp(8, Timestamp.from(clock.instant()));
        if (s.executeUpdate() != 1) {
          throw new IllegalArgumentException("user name taken: " + name);
        }
        return new NewUser(new User(userId, name, displayName, false), secret);
      }
    } catch (SQLException e) {
      throw new AccessStoreException(e);
    }
  }

  /**
   * Sets a new password and a new TOTP secret (an administrator's reset, or {@code recon demo}
   * starting again on kept data) and ends all the user's sessions.
   */
  public NewUser resetCredentials(long userId, char[] password) {
    String hash = requireAcceptable(password);
    TotpSecret secret = TotpSecret.generate();
    SealedTotpSecret sealed = keyring.seal(userId, secret);
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "update access.users set password_hash = ?, totp_secret_clear = null,"
                    + " totp_key_id = ?, totp_nonce = ?, totp_ciphertext = ?, totp_last_step = -1"
                    + " where user_id = ? returning username, display_name, disabled")) {
      s.setString(1, hash);
      s.setString(2, sealed.keyId());
      s.setBytes(3, sealed.nonce());
      s.setBytes(4, sealed.ciphertext());
      s.setLong(5, userId);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalArgumentException("no user " + userId);
        }
        User user = new User(userId, rs.getString(1), rs.getString(2), rs.getBoolean(3));
        new Sessions(db, clock).revokeAllOf(userId);
        return new NewUser(user, secret);
      }
    } catch (SQLException e) {
      throw new AccessStoreException(e);
    }
  }

  /** The user if the password is right and the user is not disabled; as slow either way. */
  public Optional<User> checkPassword(String username, char[] password) {
    Optional<Stored> stored = stored(username);
    if (stored.isEmpty()) {
      PasswordHasher.verify(password, DUMMY_HASH);
      return Optional.empty();
    }
    boolean ok = PasswordHasher.verify(password, stored.get().passwordHash());
    return ok && !stored.get().user().disabled()
        ? Optional.of(stored.get().user())
        : Optional.empty();
  }

  /**
   * Checks a TOTP code and, if right, records its step so it cannot be used again (atomically, so
   * two requests with the same code cannot both pass). A secret still in clear (stored before
   * secrets were sealed) or sealed with an older key is sealed with the current key on success. A
   * secret that does not open (unknown key, altered or moved ciphertext) refuses every code.
   */
  public boolean checkTotp(long userId, String code) {
    try (Connection c = db.getConnection()) {
      Optional<StoredTotp> stored = storedTotp(c, userId);
      if (stored.isEmpty()) {
        return false;
      }
      Optional<TotpSecret> secret = open(stored.get());
      if (secret.isEmpty()) {
        return false;
      }
      var step = Totp.verify(secret.get().bytes(), code, clock.instant(), stored.get().lastStep());
      if (step.isEmpty()) {
        return false;
      }
      boolean accepted;
      try (PreparedStatement s =
          c.prepareStatement(
              "update access.users set totp_last_step = ? where user_id = ? and totp_last_step < ?")) {
        s.setLong(1, step.getAsLong());
        s.setLong(2, userId);
        s.setLong(3, step.getAsLong());
        accepted = s.executeUpdate() == 1;
      }
      if (accepted && stored.get().needsSealing(keyring)) {
        reseal(c, stored.get(), secret.get());
      }
      return accepted;
    } catch (SQLException e) {
      throw new AccessStoreException(e);
    }
  }

  /**
   * Seals every TOTP secret still stored in clear and re-seals those sealed with an older key of
   * the ring, in batches of {@link #REWRAP_BATCH}: run after the migrations, and after adding a new
   * current key. Secrets that do not open are left as they are and counted.
   */
  public TotpRewrap rewrapTotpSecrets() {
    int sealed = 0;
    int resealed = 0;
    int unopenable = 0;
    long after = Long.MIN_VALUE;
    try (Connection c = db.getConnection()) {
      while (true) {
        List<StoredTotp> batch = new ArrayList<>();
        try (PreparedStatement s =
            c.prepareStatement(
                STORED_TOTP_COLUMNS
                    + " where user_id > ? and (totp_key_id is null or totp_key_id <> ?)"
                    + " order by user_id limit "
                    + REWRAP_BATCH)) {
          s.setLong(1, after);
          s.setString(2, keyring.current().id());
          try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
              batch.add(storedTotp(rs));
            }
          }
        }
        for (StoredTotp stored : batch) {
          after = stored.userId();
          Optional<TotpSecret> secret = open(stored);
          if (secret.isEmpty()) {
            unopenable++;
          } else if (reseal(c, stored, secret.get())) {
            if (stored.clear() != null) {
              sealed++;
            } else {
              resealed++;
            }
          }
        }
        if (batch.size() < REWRAP_BATCH) {
          return new TotpRewrap(sealed, resealed, unopenable);
        }
      }
    } catch (SQLException e) {
      throw new AccessStoreException(e);
    }
  }

  /** How many secrets {@link #rewrapTotpSecrets} sealed, re-sealed and could not open. */
  public record TotpRewrap(int sealedFromClear, int resealed, int unopenable) {}

  /** One user's TOTP columns: either {@code clear} or the sealed form. */
  private record StoredTotp(long userId, String clear, SealedTotpSecret sealed, long lastStep) {
    boolean needsSealing(TotpKeyring ring) {
      return clear != null || !sealed.keyId().equals(ring.current().id());
    }
  }

  private static final String STORED_TOTP_COLUMNS =
      "select user_id, totp_secret_clear, totp_key_id, totp_nonce, totp_ciphertext, totp_last_step"
          + " from access.users";

  private static Optional<StoredTotp> storedTotp(Connection c, long userId) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(STORED_TOTP_COLUMNS + " where user_id = ?")) {
      s.setLong(1, userId);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(storedTotp(rs)) : Optional.empty();
      }
    }
  }

  private static StoredTotp storedTotp(ResultSet rs) throws SQLException {
    String clear = rs.getString(2);
    SealedTotpSecret sealed =
        clear != null
            ? null
            : new SealedTotpSecret(rs.getString(3), rs.getBytes(4), rs.getBytes(5));
    return new StoredTotp(rs.getLong(1), clear, sealed, rs.getLong(6));
  }

  private Optional<TotpSecret> open(StoredTotp stored) {
    if (stored.clear() != null) {
      return Optional.of(new TotpSecret(stored.clear()));
    }
    TotpSecretOpening opening = keyring.open(stored.userId(), stored.sealed());
    if (opening instanceof TotpSecretOpening.Opened opened) {
      return Optional.of(opened.secret());
    }
    LOG.warn(
        "The TOTP secret of user {} does not open ({}): every code is refused until an"
            + " administrator resets the user's credentials or the key is configured",
        stored.userId(),
        opening);
    return Optional.empty();
  }

  /** Seals with the current key, unless the row changed since it was read (e.g. a reset). */
  private boolean reseal(Connection c, StoredTotp stored, TotpSecret secret) throws SQLException {
    SealedTotpSecret sealed = keyring.seal(stored.userId(), secret);
    String unchanged = stored.clear() != null ? "totp_secret_clear = ?" : "totp_nonce = ?";
    try (PreparedStatement s =
        c.prepareStatement(
            "update access.users set totp_secret_clear = null, totp_key_id = ?, totp_nonce = ?,"
                + " totp_ciphertext = ? where user_id = ? and "
                + unchanged)) {
      s.setString(1, sealed.keyId());
      s.setBytes(2, sealed.nonce());
      s.setBytes(3, sealed.ciphertext());
      s.setLong(4, stored.userId());
      if (stored.clear() != null) {
        s.setString(5, stored.clear());
      } else {
        s.setBytes(5, stored.sealed().nonce());
      }
      return s.executeUpdate() == 1;
    }
  }

  public Optional<User> byName(String username) {
    return stored(username).map(Stored::user);
  }

  public Optional<User> byId(long userId) {
    return queryUsers("where user_id = ?", userId).stream().findFirst();
  }

  public void setDisabled(long userId, boolean disabled) {
    update("update access.users set disabled = ? where user_id = ?", disabled, userId);
    if (disabled) {
      new Sessions(db, clock).revokeAllOf(userId);
    }
  }

  /** Gives the user the role in the tenant, replacing any role there. */
  public void grant(long userId, String tenantId, Role role) {
    requireTenant(tenantId);
    update(
        "insert into access.memberships (user_id, tenant_id, role, granted_at) values (?, ?, ?, ?)"
            + " on conflict (user_id, tenant_id) do update set role = excluded.role,"
            + " granted_at = excluded.granted_at",
        userId,
        tenantId,
        role.name(),
        Timestamp.from(clock.instant()));
  }

  public void revokeMembership(long userId, String tenantId) {
    update("delete from access.memberships where user_id = ? and tenant_id = ?", userId, tenantId);
  }

  /** The user's role in the tenant, if any; a disabled user has none. */
  public Optional<Role> role(long userId, String tenantId) {
    return memberships(
            "where m.user_id = ? and m.tenant_id = ? and not u.disabled", userId, tenantId)
        .stream()
        .findFirst()
        .map(Membership::role);
  }

  /** The tenants the user may open, by tenant id. */
  public List<Membership> membershipsOf(long userId) {
    return memberships("where m.user_id = ? and not u.disabled", userId);
  }

  /** Everyone with a role in the tenant, by user name. */
  public List<Membership> membersOf(String tenantId) {
    return memberships("where m.tenant_id = ?", tenantId);
  }

  private List<Membership> memberships(String where, Object... args) {
    String sql =
        "select m.user_id, u.username, m.tenant_id, m.role from access.memberships m"
            + " join access.users u on u.user_id = m.user_id "
            + where
            + " order by m.tenant_id, u.username";
    List<Membership> out = new ArrayList<>();
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, args);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Membership(
                  rs.getLong(1), rs.getString(2), rs.getString(3), Role.valueOf(rs.getString(4))));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new AccessStoreException(e);
    }
  }

  private record Stored(User user, String passwordHash) {}

  private Optional<Stored> stored(String username) {
    if (username == null || !USERNAME.matcher(username.toLowerCase(Locale.ROOT)).matches()) {
      return Optional.empty();
    }
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "select user_id, username, display_name, disabled, password_hash"
                    + " from access.users where username = ?")) {
      s.setString(1, username.toLowerCase(Locale.ROOT));
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new Stored(
                new User(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)),
                rs.getString(5)));
      }
    } catch (SQLException e) {
      throw new AccessStoreException(e);
    }
  }

  private List<User> queryUsers(String where, Object... args) {
    List<User> out = new ArrayList<>();
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "select user_id, username, display_name, disabled from access.users " + where)) {
      bind(s, args);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(new User(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new AccessStoreException(e);
    }
  }

  private void update(String sql, Object... args) {
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, args);
      s.executeUpdate();
    } catch (SQLException e) {
      throw new AccessStoreException(e);
    }
  }

  static void bind(PreparedStatement s, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      s.setObject(i + 1, args[i]);
    }
  }

  private String requireAcceptable(char[] password) {
    policy
        .check(new String(password))
        .ifPresent(
            v -> {
              throw new IllegalArgumentException("password refused: " + v.explanation());
            });
    return PasswordHasher.hash(password);
  }

  private static String requireUsername(String username) {
    String name = username == null ? "" : username.toLowerCase(Locale.ROOT);
    if (!USERNAME.matcher(name).matches()) {
      throw new IllegalArgumentException("user name must match " + USERNAME.pattern());
    }
    return name;
  }

  private static void requireDisplayName(String displayName) {
    if (displayName == null || displayName.isBlank() || displayName.length() > MAX_DISPLAY_NAME) {
      throw new IllegalArgumentException("display name of 1-" + MAX_DISPLAY_NAME + " characters");
    }
  }

  static void requireTenant(String tenantId) {
    if (!JournalEntryInvariants.isTenantId(tenantId)) {
      throw new IllegalArgumentException(
          "tenant id must match " + JournalEntryInvariants.TENANT_ID.pattern());
    }
  }
}
