package dev.recon.reporting.access;

import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** The {@code access} schema's migrations, run as the database owner after the ledger's. */
public final class AccessDatabase {

  public static final String SCHEMA = "access";
  public static final String MIGRATIONS_LOCATION = "classpath:db/migration/access";
  public static final String HISTORY_TABLE = "access_schema_history";

  private AccessDatabase() {}

  /**
   * Applies the access migrations (idempotent). The ledger's migrations must have run first: they
   * create the application role {@code recon_app} that the grants name.
   *
   * @return the number of migrations applied now
   */
  public static int migrate(DataSource owner) {
    Objects.requireNonNull(owner, "owner");
    return Flyway.configure(AccessDatabase.class.getClassLoader())
        .dataSource(owner)
        .schemas(SCHEMA)
        .defaultSchema(SCHEMA)
        .createSchemas(true)
        .table(HISTORY_TABLE)
        .locations(MIGRATIONS_LOCATION)
        .load()
        .migrate()
        .migrationsExecuted;
  }
}
