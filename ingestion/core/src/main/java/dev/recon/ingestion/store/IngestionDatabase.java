package dev.recon.ingestion.store;

import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Schema migrations for connector state (offsets, published objects, audit), run as the owner. */
public final class IngestionDatabase {

  public static final String SCHEMA = "ingestion";
  public static final String MIGRATIONS_LOCATION = "classpath:db/migration/ingestion";

  private IngestionDatabase() {}

  /** Applies the migrations (idempotent) and returns how many ran now. */
  public static int migrate(DataSource owner) {
    Objects.requireNonNull(owner, "owner");
    return Flyway.configure(IngestionDatabase.class.getClassLoader())
        .dataSource(owner)
        .schemas(SCHEMA)
        .defaultSchema(SCHEMA)
        .createSchemas(true)
        .locations(MIGRATIONS_LOCATION)
        .load()
        .migrate()
        .migrationsExecuted;
  }
}
