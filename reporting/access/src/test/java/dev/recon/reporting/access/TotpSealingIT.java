package dev.recon.reporting.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recon.ledger.db.EmbeddedLedger;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * TOTP secrets at rest: sealed in the database, opened after a restart with the same key, refused
 * when moved or under a foreign key, and secrets stored in clear before V3 sealed on migration's
 * first use.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TotpSealingIT {

  /** Two users whose secrets were stored in clear by version 2 of the schema. */
  static final TotpSecret LEGACY_AT_LOGIN = TotpSecret.generate();

  static final TotpSecret LEGACY_AT_REWRAP = TotpSecret.generate();

  @TempDir static Path dir;
  static EmbeddedLedger pg;

  final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
  final String keyText = TotpKey.generate().toBase64();

  @BeforeAll
  static void start() throws Exception {
    pg = EmbeddedLedger.start(dir.resolve("pg"), "recon_totp_it", TotpSealingIT::legacyThenNow);
  }

  /** Migrates to version 2, stores clear secrets as it did, then applies the rest. */
  static void legacyThenNow(DataSource owner) {
    Flyway.configure(AccessDatabase.class.getClassLoader())
        .dataSource(owner)
        .schemas(AccessDatabase.SCHEMA)
        .defaultSchema(AccessDatabase.SCHEMA)
        .createSchemas(true)
        .table(AccessDatabase.HISTORY_TABLE)
        .locations(AccessDatabase.MIGRATIONS_LOCATION)
        .target("2")
        .load()
        .migrate();
    try (Connection c = owner.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "insert into access.users (username, display_name, password_hash, totp_secret,"
                    + " created_at) values (?, 'Legacy', 'not-a-hash', ?, ?)")) {
      for (var user :
          List.of(
              new Object[] {"legacy-login", LEGACY_AT_LOGIN},
              new Object[] {"legacy-rewrap", LEGACY_AT_REWRAP})) {
        s.setString(1, (String) user[0]);
        s.setString(2, ((TotpSecret) user[1]).base32());
        s.setTimestamp(3, Timestamp.from(Instant.now()));
        s.executeUpdate();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    assertThat(AccessDatabase.migrate(owner)).isPositive();
  }

  @AfterAll
  static void stop() throws Exception {
    pg.close();
  }

  Users users(String base64Key) {
    return new Users(
        pg.app(), clock, PasswordPolicy.standard(), TotpKeyring.of(TotpKey.fromBase64(base64Key)));
  }

  String code(TotpSecret secret) {
    return Totp.code(secret.bytes(), Totp.step(clock.instant()));
  }

  @Test
  void theDatabaseHoldsNoClearSecretAndARestartWithTheSameKeyVerifies() throws SQLException {
    NewUser u = users(keyText).create("sealed-user", "S", "violet tractor 42".toCharArray());
    String shown = u.totpSecret().base32();
    assertThat(rowText(u.user().id())).doesNotContain(shown).doesNotContain(shown.toLowerCase());
    assertThat(ciphertextContains(u.user().id(), shown)).isFalse();
    assertThat(column(u.user().id(), "totp_secret_clear")).isNull();
    assertThat(column(u.user().id(), "totp_key_id")).isEqualTo(TotpKey.fromBase64(keyText).id());

    // a new process: nothing shared with the one that created the user but the key's text
    Users restarted = users(keyText);
    assertThat(restarted.checkTotp(u.user().id(), code(u.totpSecret()))).isTrue();

    NewUser reset = restarted.resetCredentials(u.user().id(), "violet tractor 43".toCharArray());
    assertThat(rowText(u.user().id())).doesNotContain(reset.totpSecret().base32());
    clock.advance(java.time.Duration.ofSeconds(Totp.STEP_SECONDS));
    assertThat(users(keyText).checkTotp(u.user().id(), code(reset.totpSecret()))).isTrue();
  }

  @Test
  void aForeignKeyVerifiesNothing() {
    NewUser u = users(keyText).create("foreign-key-user", "F", "violet tractor 42".toCharArray());
    Users other = users(TotpKey.generate().toBase64());
    assertThat(other.checkTotp(u.user().id(), code(u.totpSecret()))).isFalse();
    assertThat(users(keyText).checkTotp(u.user().id(), code(u.totpSecret()))).isTrue();
  }

  @Test
  void aSecretCopiedToAnotherUsersRowDoesNotOpen() throws SQLException {
    Users users = users(keyText);
    NewUser mallory = users.create("mallory", "M", "violet tractor 42".toCharArray());
    NewUser victim = users.create("victim", "V", "violet tractor 42".toCharArray());
    // whoever can write the table puts their own sealed secret into the victim's row
    try (Connection c = pg.owner().getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "update access.users v set totp_key_id = m.totp_key_id, totp_nonce = m.totp_nonce,"
                    + " totp_ciphertext = m.totp_ciphertext from access.users m"
                    + " where v.user_id = ? and m.user_id = ?")) {
      s.setLong(1, victim.user().id());
      s.setLong(2, mallory.user().id());
      assertThat(s.executeUpdate()).isOne();
    }
    assertThat(users.checkTotp(victim.user().id(), code(mallory.totpSecret()))).isFalse();
    assertThat(users.checkTotp(victim.user().id(), code(victim.totpSecret()))).isFalse();
    assertThat(users.checkTotp(mallory.user().id(), code(mallory.totpSecret()))).isTrue();
  }

  /** First: a rewrap elsewhere would seal the legacy rows, and this test counts them. */
  @Test
  @Order(1)
  void clearSecretsFromBeforeSealingAreSealedAtLoginOrByRewrap() throws SQLException {
    long atLogin = id("legacy-login");
    long atRewrap = id("legacy-rewrap");
    assertThat(column(atLogin, "totp_secret_clear")).isEqualTo(LEGACY_AT_LOGIN.base32());

    Users users = users(keyText);
    assertThat(users.checkTotp(atLogin, code(LEGACY_AT_LOGIN))).isTrue();
    assertThat(column(atLogin, "totp_secret_clear")).isNull();
    assertThat(rowText(atLogin)).doesNotContain(LEGACY_AT_LOGIN.base32());
    clock.advance(java.time.Duration.ofSeconds(Totp.STEP_SECONDS));
    assertThat(users(keyText).checkTotp(atLogin, code(LEGACY_AT_LOGIN))).isTrue();

    Users.TotpRewrap rewrap = users.rewrapTotpSecrets();
    assertThat(rewrap.sealedFromClear()).isOne();
    assertThat(rowText(atRewrap)).doesNotContain(LEGACY_AT_REWRAP.base32());
    assertThat(users(keyText).checkTotp(atRewrap, code(LEGACY_AT_REWRAP))).isTrue();
    assertThat(users.rewrapTotpSecrets()).isEqualTo(new Users.TotpRewrap(0, 0, 0));
  }

  @Test
  void rotationReSealsUnderTheNewKeyAndTheOldKeyCanThenBeRetired() throws SQLException {
    TotpKey oldKey = TotpKey.fromBase64(keyText);
    TotpKey newKey = TotpKey.generate();
    NewUser a = users(keyText).create("rotate-a", "A", "violet tractor 42".toCharArray());
    NewUser b = users(keyText).create("rotate-b", "B", "violet tractor 42".toCharArray());
    Users rotated =
        new Users(
            pg.app(), clock, PasswordPolicy.standard(), TotpKeyring.of(newKey, List.of(oldKey)));

    // at login: the old key opens, the new key seals
    assertThat(rotated.checkTotp(a.user().id(), code(a.totpSecret()))).isTrue();
    assertThat(column(a.user().id(), "totp_key_id")).isEqualTo(newKey.id());
    assertThat(column(b.user().id(), "totp_key_id")).isEqualTo(oldKey.id());

    // explicitly: every row still under an older key (other tests' users included)
    Users.TotpRewrap rewrap = rotated.rewrapTotpSecrets();
    assertThat(rewrap.resealed()).isPositive();
    assertThat(column(b.user().id(), "totp_key_id")).isEqualTo(newKey.id());

    Users retired = users(newKey.toBase64());
    clock.advance(java.time.Duration.ofSeconds(Totp.STEP_SECONDS));
    assertThat(retired.checkTotp(a.user().id(), code(a.totpSecret()))).isTrue();
    assertThat(retired.checkTotp(b.user().id(), code(b.totpSecret()))).isTrue();
  }

  private static long id(String username) throws SQLException {
    return Long.parseLong(
        query("select user_id::text from access.users where username = ?", username));
  }

  /** The whole row as the owner sees it (bytea in hex). */
  private static String rowText(long userId) throws SQLException {
    return query("select u::text from access.users u where user_id = ?", userId);
  }

  private static boolean ciphertextContains(long userId, String text) throws SQLException {
    return Boolean.parseBoolean(
        query(
            "select (position(convert_to('"
                + text
                + "', 'UTF8') in totp_ciphertext) > 0)::text from access.users where user_id = ?",
            userId));
  }

  private static String column(long userId, String column) throws SQLException {
    return query("select " + column + " from access.users where user_id = ?", userId);
  }

  private static String query(String sql, Object arg) throws SQLException {
    try (Connection c = pg.owner().getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setObject(1, arg);
      try (ResultSet rs = s.executeQuery()) {
        assertThat(rs.next()).isTrue();
        return rs.getString(1);
      }
    }
  }
}
