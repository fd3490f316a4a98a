package dev.recon.ledger.backup;

import dev.recon.ledger.backup.Difference.Check;
import dev.recon.ledger.db.LedgerQueries;
import dev.recon.ledger.db.TrialBalanceLine;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Checks a restored (or any) ledger against check figures, through the application role, one tenant
 * at a time, the way the platform itself reads it: every entry balances per currency, the trial
 * balance, the entry, posting and account counts and the digests over the entries and the postings
 * equal the figures. Returns every difference found; nothing is thrown for a difference.
 *
 * <p>The figures come from a backup's manifest ({@link BackupManifest#ledger()}), or, after a
 * pg_restore or a point-in-time recovery, from {@link LedgerBackup#figures} taken on the restored
 * database itself by the owner: the application's per-tenant view must then agree with the owner's
 * view of the whole.
 */
public final class RestoreVerification {

  private RestoreVerification() {}

  /** {@link #verify(DataSource, LedgerFigures, Function)} without an extra check. */
  public static VerificationReport verify(DataSource app, LedgerFigures expected) {
    return verify(app, expected, figures -> List.of());
  }

  /**
   * @param app connects as a login of the application role (row-level security applies)
   * @param expected the figures the ledger must show
   * @param extraCheck the caller's own check run after the ledger's, e.g. the casework audit-chain
   *     verification; its differences are reported as they are
   * @throws IllegalStateException on database errors, or an {@code app} role that bypasses
   *     row-level security
   */
  public static VerificationReport verify(
      DataSource app,
      LedgerFigures expected,
      Function<LedgerFigures, List<Difference>> extraCheck) {
    Objects.requireNonNull(app, "app");
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(extraCheck, "extraCheck");
    LedgerQueries queries = new LedgerQueries(app);
    List<Difference> differences = new ArrayList<>();
    for (TenantFigures want : expected.tenants()) {
      String tenant = want.tenantId();
      for (String entry : queries.unbalancedEntries(tenant)) {
        differences.add(
            new Difference(tenant, Check.UNBALANCED_ENTRY, entry, "balanced", "unbalanced"));
      }
      compareTrialBalance(tenant, want.trialBalance(), queries.trialBalance(tenant), differences);
      TenantFigures have = tenantFigures(app, tenant);
      compare(tenant, Check.ACCOUNTS, "accounts", want.accounts(), have.accounts(), differences);
      compare(tenant, Check.ENTRIES, "entries", want.entries(), have.entries(), differences);
      compare(tenant, Check.POSTINGS, "postings", want.postings(), have.postings(), differences);
      if (!want.entriesSha256().equals(have.entriesSha256())) {
        differences.add(
            new Difference(
                tenant,
                Check.ENTRIES_DIGEST,
                "journal entries",
                want.entriesSha256(),
                have.entriesSha256()));
      }
      if (!want.postingsSha256().equals(have.postingsSha256())) {
        differences.add(
            new Difference(
                tenant,
                Check.POSTINGS_DIGEST,
                "postings",
                want.postingsSha256(),
                have.postingsSha256()));
      }
    }
    differences.addAll(extraCheck.apply(expected));
    return new VerificationReport(expected.tenants().size(), differences);
  }

  private static void compare(
      String tenant, Check check, String subject, long want, long have, List<Difference> out) {
    if (want != have) {
      out.add(new Difference(tenant, check, subject, Long.toString(want), Long.toString(have)));
    }
  }

  private static void compareTrialBalance(
      String tenant, List<BalanceLine> want, List<TrialBalanceLine> have, List<Difference> out) {
    Map<String, String> expected = new TreeMap<>();
    for (BalanceLine l : want) {
      expected.put(l.account() + " " + l.currency(), totals(l.debitMinor(), l.creditMinor()));
    }
    Map<String, String> actual = new TreeMap<>();
    for (TrialBalanceLine l : have) {
      actual.put(l.account() + " " + l.currency(), totals(l.debitMinor(), l.creditMinor()));
    }
    Map<String, String> keys = new TreeMap<>(expected);
    keys.putAll(actual);
    for (String key : keys.keySet()) {
      String e = expected.getOrDefault(key, "none");
      String a = actual.getOrDefault(key, "none");
      if (!e.equals(a)) {
        out.add(new Difference(tenant, Check.TRIAL_BALANCE, key, e, a));
      }
    }
  }

  private static String totals(long debit, long credit) {
    return "debit " + debit + " credit " + credit;
  }

  /** Counts and digests in one read-only transaction of the tenant, under row-level security. */
  private static TenantFigures tenantFigures(DataSource app, String tenant) {
    try (Connection c = app.getConnection()) {
      c.setAutoCommit(false);
      c.setReadOnly(true);
      try {
        if (Catalog.bypassesRowSecurity(c)) {
          throw new IllegalStateException(
              "verification reads through the application role, not a role that bypasses"
                  + " row-level security");
        }
        try (PreparedStatement s =
            c.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
          s.setString(1, tenant);
          s.execute();
        }
        return CheckFigures.tenant(c, tenant);
      } finally {
        c.rollback();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("verifying tenant " + tenant + ": " + e.getMessage(), e);
    }
  }
}
