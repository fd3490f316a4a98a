package dev.recon.ingestion.store;

import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * Runs work in a transaction whose tenant is set ({@code app.tenant_id}, transaction-local), so
 * row-level security filters and checks every row. Refuses a role that would bypass it.
 */
public final class TenantTransactions {

  /** Same shape as the ledger's tenant ids. */
  public static final Pattern TENANT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private final DSLContext db;
  private volatile boolean roleChecked;

  public TenantTransactions(DataSource appRole) {
    this.db = DSL.using(Objects.requireNonNull(appRole, "appRole"), SQLDialect.POSTGRES);
  }

  /**
   * Where refusals for a tenant that does not exist are recorded; no real tenant id can take this
   * name, since tenant ids start with a letter or digit.
   */
  public static final String UNKNOWN_TENANT = "_unknown";

  public static boolean isTenantId(String tenantId) {
    return tenantId != null && TENANT_ID.matcher(tenantId).matches();
  }

  public <T> T inTenant(String tenantId, Function<DSLContext, T> work) {
    if (!isTenantId(tenantId) && !UNKNOWN_TENANT.equals(tenantId)) {
      throw new IllegalArgumentException("tenant id must match " + TENANT_ID.pattern());
    }
    return db.transactionResult(
        cfg -> {
          DSLContext tx = cfg.dsl();
          requireRowLevelSecurityApplies(tx);
          tx.select(
                  DSL.function(
                      "set_config",
                      String.class,
                      DSL.val("app.tenant_id"),
                      DSL.val(tenantId),
                      DSL.inline(true)))
              .fetch();
          return work.apply(tx);
        });
  }

  private void requireRowLevelSecurityApplies(DSLContext tx) {
    if (roleChecked) {
      return;
    }
    Boolean bypasses =
        tx.resultQuery(
                "select rolsuper or rolbypassrls from pg_catalog.pg_roles"
                    + " where rolname = current_user")
            .fetchOne(0, Boolean.class);
    if (bypasses == null || bypasses) {
      throw new IllegalStateException(
          "connector state must be accessed through a login of the application role, not a role"
              + " that bypasses row-level security");
    }
    roleChecked = true;
  }
}
