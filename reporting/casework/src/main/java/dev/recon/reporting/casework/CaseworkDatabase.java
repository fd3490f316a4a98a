package dev.recon.reporting.casework;

import dev.recon.ledger.db.LedgerDatabase;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** The casework schema's migrations, run as the database owner. */
public final class CaseworkDatabase {

  /** The schema holding casework's tables and its own Flyway history. */
  public static final String SCHEMA = "casework";

  /** Sibling of the ledger's folder, never {@code db/migration} itself (see LedgerDatabase). */
  public static final String MIGRATIONS_LOCATION = "classpath:db/migration/casework";

  /** Casework's own history table, so its versions never mix with the ledger's. */
  public static final String HISTORY_TABLE = "casework_schema_history";

  private CaseworkDatabase() {}

  /**
   * Applies the ledger's migrations first (they create the application role {@value
   * LedgerDatabase#APP_ROLE} that casework grants to, and approved write-offs book into the
   * ledger), then casework's. Idempotent.
   *
   * @param owner connects as the role that owns (or is to own) both schemas; CREATEROLE or
   *     superuser the first time
   * @return the number of casework migrations applied now
   */
  public static int migrate(DataSource owner) {
    Objects.requireNonNull(owner, "owner");
    LedgerDatabase.migrate(owner);
    return Flyway.configure(CaseworkDatabase.class.getClassLoader())
        .dataSource(owner)
        .schemas(SCHEMA)
        .defaultSchema(SCHEMA)
        .table(HISTORY_TABLE)
        .createSchemas(true)
        .locations(MIGRATIONS_LOCATION)
        .load()
        .migrate()
        .migrationsExecuted;
  }
}
