package dev.recon.app.observability;

import dev.recon.ledger.posting.JournalEntryInvariants;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tenants a process reports per-tenant gauges for: those it was configured or run with, those
 * whose records the casework feed stored since start, and (when given the application role's data
 * source) those that have UI users. Row-level security hides which tenants have data from the
 * application role by design, so the process names the tenants rather than listing them as an
 * owner. At most {@value #MAX_TENANTS}; further ones are refused and counted.
 */
public final class KnownTenants {
  private static final Logger LOG = LoggerFactory.getLogger(KnownTenants.class);

  /** Tenants the gauges follow; each costs one query per refresh. */
  public static final int MAX_TENANTS = 500;

  // access.memberships is global (users belong to tenants); it holds no tenant data itself
  private static final String MEMBERSHIP_TENANTS =
      "select distinct tenant_id from access.memberships order by 1 limit " + MAX_TENANTS;

  private final Set<String> tenants = new ConcurrentSkipListSet<>();
  private final AtomicLong refused = new AtomicLong();
  private final Optional<DataSource> memberships;

  private KnownTenants(Optional<DataSource> memberships) {
    this.memberships = memberships;
  }

  /** Only the tenants named with {@link #add}. */
  public static KnownTenants named(Collection<String> tenants) {
    KnownTenants known = new KnownTenants(Optional.empty());
    tenants.forEach(known::add);
    return known;
  }

  /** The tenants named with {@link #add} and, read on every {@link #all}, those with UI users. */
  public static KnownTenants withMemberships(DataSource appDataSource) {
    return new KnownTenants(Optional.of(Objects.requireNonNull(appDataSource, "appDataSource")));
  }

  /**
   * Follows a tenant from now on; refused (and counted) when it is not a valid tenant id or the
   * limit is reached.
   */
  public void add(String tenant) {
    if (tenant == null || tenants.contains(tenant)) {
      return;
    }
    if (!JournalEntryInvariants.isTenantId(tenant)) {
      refused.incrementAndGet();
      return;
    }
    if (tenants.size() >= MAX_TENANTS) {
      if (refused.getAndIncrement() == 0) {
        LOG.warn(
            "{} tenants are followed already: tenants beyond them get no open-break gauges",
            MAX_TENANTS);
      }
      return;
    }
    tenants.add(tenant);
  }

  /** Tenants that could not be followed: invalid ids or over {@value #MAX_TENANTS}. */
  public long refused() {
    return refused.get();
  }

  /** Every known tenant, sorted, at most {@value #MAX_TENANTS}. */
  public List<String> all() {
    memberships.ifPresent(
        ds -> {
          try (Connection c = ds.getConnection();
              PreparedStatement s = c.prepareStatement(MEMBERSHIP_TENANTS);
              ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
              add(rs.getString(1));
            }
          } catch (SQLException e) {
            LOG.warn("tenants with UI users could not be read; using the others", e);
          }
        });
    return List.copyOf(tenants);
  }
}
