package dev.recon.ledger.db;

import dev.recon.ledger.posting.JournalEntryInvariants;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Runs work in one transaction whose tenant is set on the connection ({@code app.tenant_id}, local
 * to the transaction, so a pooled connection never carries it into the next one). Row-level
 * security filters and checks every row by it.
 */
final class TenantScope {

  private final DSLContext db;
  private volatile boolean roleChecked;

  TenantScope(DSLContext db) {
    this.db = db;
  }

  <T> T inTenant(String tenantId, Function<DSLContext, T> work) {
    requireTenantId(tenantId);
    return db.transactionResult(
        cfg -> {
          DSLContext tx = cfg.dsl();
          requireRowLevelSecurityApplies(tx);
          tx.select(
                  DSL.function(
                      "set_config",
                      String.class,
                      DSL.val(RowLevelSecurity.TENANT_SETTING),
                      DSL.val(tenantId),
                      DSL.inline(true)))
              .fetch();
          return work.apply(tx);
        });
  }

  <T> T withoutTenant(Function<DSLContext, T> work) {
    return db.transactionResult(
        cfg -> {
          requireRowLevelSecurityApplies(cfg.dsl());
          return work.apply(cfg.dsl());
        });
  }

  static void requireTenantId(String tenantId) {
    if (!JournalEntryInvariants.isTenantId(tenantId)) {
      throw new IllegalArgumentException(
          "tenant id must match " + JournalEntryInvariants.TENANT_ID.pattern());
    }
  }

  /**
   * A superuser or BYPASSRLS role would read and write across tenants: refuse to work through one.
   */
  private void requireRowLevelSecurityApplies(DSLContext tx) {
    if (roleChecked) {
      return;
    }
    tx.connection(c -> RowLevelSecurity.requireApplies(c, "the ledger"));
    roleChecked = true;
  }
}
