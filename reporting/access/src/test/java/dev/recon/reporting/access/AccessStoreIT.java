package dev.recon.reporting.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recon.ledger.db.EmbeddedLedger;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessStoreIT {

  @TempDir static Path dir;
  static EmbeddedLedger pg;

  final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
  static final TotpKeyring KEYRING = TotpKeyring.of(TotpKey.generate());
  final Users users = new Users(pg.app(), clock, PasswordPolicy.standard(), KEYRING);
  final Sessions sessions = new Sessions(pg.app(), clock);
  final ApiKeys keys = new ApiKeys(pg.app(), clock);

  @BeforeAll
  static void start() throws Exception {
    pg = EmbeddedLedger.start(dir.resolve("pg"), "recon_access_it", AccessDatabase::migrate);
  }

  @AfterAll
  static void stop() throws Exception {
    pg.close();
  }

  @Test
  void migrationIsIdempotent() {
    assertThat(AccessDatabase.migrate(pg.owner())).isZero();
  }

  @Test
  void usersPasswordsAndMemberships() {
    NewUser ann = users.create("Ann@Acme", "Ann", "violet tractor 42".toCharArray());
    assertThat(ann.user().username()).isEqualTo("ann@acme");
    assertThat(users.checkPassword("ann@acme", "violet tractor 42".toCharArray())).isPresent();
    assertThat(users.checkPassword("ann@acme", "violet tractor 43".toCharArray())).isEmpty();
    assertThat(users.checkPassword("nobody", "violet tractor 42".toCharArray())).isEmpty();
    assertThatThrownBy(() -> users.create("ann@acme", "Ann 2", "violet tractor 42".toCharArray()))
        .hasMessageContaining("taken");
    assertThatThrownBy(() -> users.create("bob", "Bob", "qwerty123456".toCharArray()))
        .hasMessageContaining("breached");

    users.grant(ann.user().id(), "acme", Role.ANALYST);
    users.grant(ann.user().id(), "globex", Role.VIEWER);
    assertThat(users.role(ann.user().id(), "acme")).contains(Role.ANALYST);
    users.grant(ann.user().id(), "acme", Role.APPROVER);
    assertThat(users.role(ann.user().id(), "acme")).contains(Role.APPROVER);
    assertThat(users.membershipsOf(ann.user().id()))
        .extracting(Membership::tenantId)
        .containsExactly("acme", "globex");
    users.revokeMembership(ann.user().id(), "globex");
    assertThat(users.role(ann.user().id(), "globex")).isEmpty();

    users.setDisabled(ann.user().id(), true);
    assertThat(users.checkPassword("ann@acme", "violet tractor 42".toCharArray())).isEmpty();
    assertThat(users.role(ann.user().id(), "acme")).isEmpty();
  }

  @Test
  void totpCodeIsAcceptedOnceOnly() {
    NewUser u = users.create("totp-user", "T", "violet tractor 42".toCharArray());
    String code = Totp.code(u.totpSecret().bytes(), Totp.step(clock.instant()));
    assertThat(users.checkTotp(u.user().id(), "000000".equals(code) ? "111111" : "000000"))
        .isFalse();
    assertThat(users.checkTotp(u.user().id(), code)).isTrue();
    assertThat(users.checkTotp(u.user().id(), code)).isFalse();
  }

  @Test
  void sessionsExpireAndAreRevocable() {
    NewUser u = users.create("session-user", "S", "violet tractor 42".toCharArray());
    NewSession s = sessions.startFull(u.user().id(), "127.0.0.1");
    assertThat(sessions.lookup(s.token()))
        .hasValueSatisfying(x -> assertThat(x.csrfToken()).isEqualTo(s.csrfToken()));
    clock.advance(SessionLifetime.IDLE_TIMEOUT.minusMinutes(1));
    assertThat(sessions.lookup(s.token())).isPresent();
    clock.advance(SessionLifetime.IDLE_TIMEOUT.minusMinutes(1));
    assertThat(sessions.lookup(s.token())).isPresent();
    clock.advance(SessionLifetime.IDLE_TIMEOUT);
    assertThat(sessions.lookup(s.token())).isEmpty();

    NewSession a = sessions.startFull(u.user().id(), "127.0.0.1");
    NewSession b = sessions.startFull(u.user().id(), "127.0.0.1");
    sessions.revoke(a.token());
    assertThat(sessions.lookup(a.token())).isEmpty();
    assertThat(sessions.lookup(b.token())).isPresent();
    assertThat(sessions.revokeAllOf(u.user().id())).isPositive();
    assertThat(sessions.lookup(b.token())).isEmpty();
    assertThat(sessions.lookup("not-a-token")).isEmpty();
  }

  @Test
  void onlyHashesAreStored() throws SQLException {
    NewUser u = users.create("hash-user", "H", "violet tractor 42".toCharArray());
    NewSession s = sessions.startFull(u.user().id(), "127.0.0.1");
    users.grant(u.user().id(), "acme", Role.ANALYST);
    NewApiKey k = keys.create(u.user().id(), "acme", Set.of(ApiScope.READ), "ci");
    try (Connection c = pg.owner().getConnection();
        Statement st = c.createStatement()) {
      var rs =
          st.executeQuery(
              "select (select count(*) from access.sessions where encode(session_hash, 'escape') like"
                  + " '%"
                  + s.token()
                  + "%') + (select count(*) from access.api_keys where encode(secret_hash,"
                  + " 'escape') like '%"
                  + k.key().substring(20)
                  + "%') + (select count(*) from access.users where password_hash like"
                  + " '%violet%')");
      rs.next();
      assertThat(rs.getLong(1)).isZero();
    }
  }

  @Test
  void apiKeysAuthenticateWithinScopeAndRoleAndAreRevocable() {
    NewUser u = users.create("key-user", "K", "violet tractor 42".toCharArray());
    users.grant(u.user().id(), "acme", Role.ANALYST);
    NewApiKey k =
        keys.create(u.user().id(), "acme", EnumSet.of(ApiScope.READ, ApiScope.APPROVE), "robot");
    assertThat(k.key()).matches("rk_[0-9a-f]{16}_[A-Za-z0-9_-]{43}");
    ApiPrincipal p = keys.authenticate(k.key()).orElseThrow();
    assertThat(p.tenantId()).isEqualTo("acme");
    assertThat(p.allows(Permission.READ)).isTrue();
    // the key has APPROVE but the analyst role does not; PROPOSE the role has but not the key
    assertThat(p.allows(Permission.APPROVE)).isFalse();
    assertThat(p.allows(Permission.PROPOSE)).isFalse();
    assertThat(keys.list("acme"))
        .filteredOn(x -> x.keyId().equals(k.info().keyId()))
        .singleElement()
        .satisfies(x -> assertThat(x.lastUsedAt()).isNotNull());

    String forged =
        k.key().substring(0, k.key().length() - 1) + (k.key().endsWith("A") ? "B" : "A");
    assertThat(keys.authenticate(forged)).isEmpty();
    assertThat(keys.authenticate("rk_nope")).isEmpty();

    assertThat(keys.revoke("globex", k.info().keyId())).isFalse();
    assertThat(keys.revoke("acme", k.info().keyId())).isTrue();
    assertThat(keys.authenticate(k.key())).isEmpty();
  }

  @Test
  void loginNeedsPasswordThenTotpAndIsThrottled() {
    Login login = new Login(users, sessions, new LoginThrottle(clock));
    NewUser u = users.create("login-user", "L", "violet tractor 42".toCharArray());
    LoginOutcome first =
        login.password("login-user", "violet tractor 42".toCharArray(), "10.1.1.1");
    assertThat(first.status()).isEqualTo(LoginOutcome.Status.TOTP_REQUIRED);
    // a pending session is not a signed-in one
    assertThat(sessions.lookup(first.session().token()).orElseThrow().mfaPassed()).isFalse();
    String code = Totp.code(u.totpSecret().bytes(), Totp.step(clock.instant()));
    LoginOutcome second = login.totp(first.session().token(), code, "10.1.1.1");
    assertThat(second.status()).isEqualTo(LoginOutcome.Status.SIGNED_IN);
    assertThat(sessions.lookup(second.session().token()).orElseThrow().mfaPassed()).isTrue();
    assertThat(sessions.lookup(first.session().token())).isEmpty();

    for (int i = 0; i < LoginThrottle.USER_BURST - 2; i++) {
      assertThat(login.password("login-user", "wrong password!".toCharArray(), "10.1.1.1").status())
          .isEqualTo(LoginOutcome.Status.REFUSED);
    }
    assertThat(login.password("login-user", "violet tractor 42".toCharArray(), "10.1.1.1").status())
        .isEqualTo(LoginOutcome.Status.THROTTLED);
    clock.advance(Duration.ofMinutes(2));
    assertThat(login.password("login-user", "violet tractor 42".toCharArray(), "10.1.1.1").status())
        .isEqualTo(LoginOutcome.Status.TOTP_REQUIRED);
  }

  @Test
  void demoUsersOnePerRoleAndRerunnable() {
    List<DemoCredential> creds = new DemoUsers(users).create("demo-t");
    assertThat(creds).extracting(DemoCredential::role).containsExactly(Role.values());
    for (DemoCredential c : creds) {
      var user = users.checkPassword(c.username(), c.password().toCharArray()).orElseThrow();
      assertThat(users.role(user.id(), "demo-t")).contains(c.role());
      assertThat(c.otpauthUri()).contains(c.totpSecret());
    }
    List<DemoCredential> again = new DemoUsers(users).create("demo-t");
    assertThat(users.checkPassword(again.get(0).username(), again.get(0).password().toCharArray()))
        .isPresent();
    assertThat(users.checkPassword(creds.get(0).username(), creds.get(0).password().toCharArray()))
        .isEmpty();
  }
}
