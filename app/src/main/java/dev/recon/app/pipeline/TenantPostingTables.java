package dev.recon.app.pipeline;

import dev.recon.ledger.posting.PostingRules;
import dev.recon.ledger.posting.PostingTable;
import dev.recon.matching.job.JournalPoster;
import dev.recon.schemas.JournalEntry;
import dev.recon.schemas.Match;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The poster of the matching job when finance teams keep their own chart of accounts: each match
 * books by its tenant's posting table, else by the default one (a table given for every tenant, or
 * the ledger's built-in table).
 *
 * <p>Java-serialized into the job graph with the tables in it, so a cluster runs it without reading
 * any file; it is a function, not a stream type, so Kryo never sees it. The table chosen does not
 * enter the entry id (tenant, source kind, match id): a replay books the same ids and the ledger's
 * primary key makes it a no-op.
 */
public final class TenantPostingTables implements JournalPoster {

  private static final long serialVersionUID = 1L;

  private static final TenantPostingTables BUILT_IN =
      new TenantPostingTables(PostingRules.with(PostingTable.defaultTable()), Map.of());

  private final PostingRules fallback;
  private final Map<String, PostingRules> byTenant;

  private TenantPostingTables(PostingRules fallback, Map<String, PostingRules> byTenant) {
    this.fallback = Objects.requireNonNull(fallback, "fallback");
    this.byTenant = Map.copyOf(byTenant);
  }

  /** The ledger's built-in table for every tenant. */
  public static TenantPostingTables builtIn() {
    return BUILT_IN;
  }

  /**
   * @param fallback the table of every tenant without one of its own, or null for the built-in
   * @param byTenant each tenant's own table
   */
  public static TenantPostingTables of(PostingTable fallback, Map<String, PostingTable> byTenant) {
    PostingRules rules =
        PostingRules.with(fallback == null ? PostingTable.defaultTable() : fallback);
    Map<String, PostingRules> tenants = new HashMap<>();
    byTenant.forEach((tenant, table) -> tenants.put(tenant, PostingRules.with(table)));
    return new TenantPostingTables(rules, tenants);
  }

  /** The table a tenant's matches book by. */
  public PostingTable tableOf(String tenant) {
    return rulesOf(tenant).table();
  }

  /** Tenants with a table of their own. */
  public Set<String> tenants() {
    return byTenant.keySet();
  }

  @Override
  public List<JournalEntry> entriesFor(Match match) {
    // a null match is malformed: the rules say so
    return rulesOf(match == null ? null : match.getTenantId()).book(match);
  }

  private PostingRules rulesOf(String tenant) {
    PostingRules own = tenant == null ? null : byTenant.get(tenant);
    return own != null ? own : fallback;
  }
}
