package dev.recon.ledger.db;

import java.util.Objects;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.postgresql.PGConnection;

/** Schema migrations and the application login, both run as the database owner. */
public final class LedgerDatabase {

  /** The schema holding the ledger's tables and its Flyway history. */
  public static final String SCHEMA = "ledger";

  /** The NOLOGIN application role that logins are made members of. */
  public static final String APP_ROLE = "recon_app";

  /**
   * Where the migrations live on the classpath. Other modules keep theirs in sibling folders
   * ({@code db/migration/<module>}) and must not point Flyway at {@code db/migration} itself, which
   * would pick these up recursively.
   */
  public static final String MIGRATIONS_LOCATION = "classpath:db/migration/ledger";

  public static final int MIN_PASSWORD_LENGTH = 12;
  public static final int MAX_PASSWORD_LENGTH = 1024;

  private static final Pattern LOGIN_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  private LedgerDatabase() {}

  /**
   * Applies the ledger migrations (idempotent: already applied ones are skipped).
   *
   * @param owner a data source connecting as the role that owns (or is to own) the ledger schema;
   *     it needs CREATEROLE (or superuser) the first time, to create {@value #APP_ROLE}
   * @return the number of migrations applied now
   */
  public static int migrate(DataSource owner) {
    Objects.requireNonNull(owner, "owner");
    return Flyway.configure(LedgerDatabase.class.getClassLoader())
        .dataSource(owner)
        .schemas(SCHEMA)
        .defaultSchema(SCHEMA)
        .createSchemas(true)
        .locations(MIGRATIONS_LOCATION)
        .load()
        .migrate()
        .migrationsExecuted;
  }

  /**
   * Creates (or updates) a LOGIN role that is a member of {@value #APP_ROLE}, with the given
   * password, which is hashed client side (SCRAM-SHA-256) so it never travels or logs in clear. Run
   * after {@link #migrate}. An existing role is only reused if it is an unprivileged role that owns
   * nothing: this never turns an administrator into the application login.
   *
   * @throws IllegalArgumentException for a bad name or password length, or a role that may not be
   *     reused
   * @throws org.jooq.exception.DataAccessException on database errors
   */
  public static void provisionAppLogin(DataSource owner, String user, char[] password) {
    Objects.requireNonNull(owner, "owner");
    if (user == null || !LOGIN_NAME.matcher(user).matches() || user.equals(APP_ROLE)) {
      throw new IllegalArgumentException(
          "login name must match " + LOGIN_NAME.pattern() + " and differ from " + APP_ROLE);
    }
    if (password == null
        || password.length < MIN_PASSWORD_LENGTH
        || password.length > MAX_PASSWORD_LENGTH) {
      throw new IllegalArgumentException(
          "password must have " + MIN_PASSWORD_LENGTH + "-" + MAX_PASSWORD_LENGTH + " characters");
    }
    DSLContext db = DSL.using(owner, SQLDialect.POSTGRES);
    db.transaction(
        cfg -> {
          DSLContext tx = cfg.dsl();
          Record role =
              tx.fetchOptional(
                      "select r.rolsuper or r.rolbypassrls or r.rolcreaterole or r.rolcreatedb"
                          + " or r.rolreplication as privileged,"
                          + " r.rolname = current_user as is_current,"
                          // owner dependencies in every database of the cluster
                          + " exists (select 1 from pg_catalog.pg_shdepend d"
                          + " where d.refclassid = 'pg_catalog.pg_authid'::regclass"
                          + " and d.refobjid = r.oid and d.deptype = 'o')"
                          + " or exists (select 1 from pg_catalog.pg_database where datdba = r.oid)"
                          + " as owns_objects"
                          + " from pg_catalog.pg_roles r where r.rolname = {0}",
                      DSL.val(user))
                  .orElse(null);
          if (role == null) {
            tx.execute(
                "create role {0} login nosuperuser nobypassrls nocreatedb nocreaterole"
                    + " noreplication inherit",
                DSL.name(user));
          } else if (role.get("privileged", Boolean.class)
              || role.get("is_current", Boolean.class)
              || role.get("owns_objects", Boolean.class)) {
            throw new IllegalArgumentException(
                "role " + user + " is privileged, owns objects or is the owner: not reused");
          } else {
            tx.execute("alter role {0} login inherit", DSL.name(user));
          }
          tx.execute("grant {0} to {1}", DSL.name(APP_ROLE), DSL.name(user));
          tx.connection(
              c -> c.unwrap(PGConnection.class).alterUserPassword(user, password, "scram-sha-256"));
        });
  }
}
