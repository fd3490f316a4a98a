package dev.recon.ledger.db;

import static dev.recon.ledger.jooq.Tables.ACCOUNTS;

import dev.recon.ledger.chart.AccountType;
import dev.recon.ledger.chart.ChartOfAccounts;
import dev.recon.ledger.posting.JournalEntryInvariants;
import dev.recon.schemas.JournalEntry;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.Row4;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * Appends journal entries, idempotently: an entry whose id is already in the ledger is skipped
 * together with its postings, so replaying a batch (a restarted job, a file ingested twice) writes
 * nothing. One transaction per tenant; the database's own checks reject the whole transaction if
 * any entry in it does not balance or lacks postings.
 *
 * <p>The hot path is bulk: entries and postings are streamed with COPY into staging tables of the
 * transaction and appended by two set-based statements ({@link StagedAppend}), so a batch costs a
 * handful of round trips whatever its size.
 *
 * <p>Rows are written in a global order (accounts, then entries by id), so concurrent writers of
 * overlapping batches wait for each other instead of deadlocking. The tenants of a large batch are
 * written {@value #TENANT_PARALLELISM} at a time, each on its own connection: a tenant's rows are
 * disjoint from every other tenant's (chart, journal, daily balances), so they never wait for each
 * other, and the database spends a core on each. Thread-safe.
 */
public final class LedgerWriter {

  /** Accounts per multi-row INSERT; keeps bind parameters far below the driver's cap. */
  public static final int MAX_ROWS_PER_STATEMENT = 1_000;

  /** Tenants written at once, each on its own connection (one per core of the target machine). */
  public static final int TENANT_PARALLELISM = 2;

  /**
   * Below this many entries in a batch the tenants are written one after the other: a thread and a
   * second connection cost more than they save.
   */
  public static final int PARALLEL_MIN_ENTRIES = 2_000;

  private record EntryKey(String entryId, Instant bookedAt) {}

  /**
   * By id alone, so one id at two booking times counts as a conflicting twin: the database could
   * not tell, since its primary key has to include the partition key.
   */
  private static final Comparator<EntryKey> KEY_ORDER = Comparator.comparing(EntryKey::entryId);

  private final TenantScope scope;
  private final Set<YearMonth> ensuredMonths = ConcurrentHashMap.newKeySet();

  /**
   * @param appDataSource connects as a login of the application role ({@link
   *     LedgerDatabase#provisionAppLogin}); a role that bypasses row-level security is refused
   */
  public LedgerWriter(DataSource appDataSource) {
    this.scope =
        new TenantScope(DSL.using(Objects.requireNonNull(appDataSource), SQLDialect.POSTGRES));
  }

  /**
   * Writes the entries, of any tenants, each tenant in its own transaction.
   *
   * @throws IllegalStateException if an entry is malformed or unbalanced, or two entries share an
   *     id but differ (both bugs)
   * @throws org.jooq.exception.DataAccessException on database errors; tenants written besides the
   *     failing one stay written, which a retry of the whole batch then skips
   */
  public WriteResult write(Collection<JournalEntry> entries) {
    SortedMap<String, SortedMap<EntryKey, JournalEntry>> byTenant = new TreeMap<>();
    int repeated = 0;
    for (JournalEntry entry : entries) {
      JournalEntryInvariants.requireBalanced(entry);
      EntryKey key = new EntryKey(entry.getEntryId(), entry.getBookedAt());
      JournalEntry earlier =
          byTenant
              .computeIfAbsent(entry.getTenantId(), t -> new TreeMap<>(KEY_ORDER))
              .putIfAbsent(key, entry);
      if (earlier != null) {
        if (!sameBooking(earlier, entry)) {
          throw new IllegalStateException(
              "two different journal entries with id " + entry.getEntryId());
        }
        repeated++;
      }
    }
    ensureMonths(byTenant.values());
    List<Map.Entry<String, SortedMap<EntryKey, JournalEntry>>> tenants =
        new ArrayList<>(byTenant.entrySet());
    int workers =
        entries.size() < PARALLEL_MIN_ENTRIES ? 1 : Math.min(TENANT_PARALLELISM, tenants.size());
    WriteResult result = new WriteResult(0, repeated, 0);
    for (WriteResult tenant : writeTenants(tenants, workers)) {
      result = result.plus(tenant);
    }
    return result;
  }

  /**
   * Each worker takes the next tenant not yet taken; the calling thread is one of them. After a
   * failure no further tenant is started; the first failure is rethrown, later ones suppressed.
   */
  private List<WriteResult> writeTenants(
      List<Map.Entry<String, SortedMap<EntryKey, JournalEntry>>> tenants, int workers) {
    WriteResult[] results = new WriteResult[tenants.size()];
    AtomicInteger next = new AtomicInteger();
    Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
    Runnable worker =
        () -> {
          // A tenant once taken is written: the failure check comes before the take.
          while (failures.isEmpty()) {
            int i = next.getAndIncrement();
            if (i >= tenants.size()) {
              return;
            }
            Map.Entry<String, SortedMap<EntryKey, JournalEntry>> tenant = tenants.get(i);
            try {
              results[i] = writeTenant(tenant.getKey(), tenant.getValue());
            } catch (RuntimeException | Error e) {
              failures.add(e);
            }
          }
        };
    List<Thread> helpers = new ArrayList<>();
    for (int w = 1; w < workers; w++) {
      Thread helper = new Thread(worker, "ledger-writer-tenant-" + w);
      helper.setDaemon(true);
      helper.start();
      helpers.add(helper);
    }
    worker.run();
    boolean interrupted = false;
    for (Thread helper : helpers) {
      while (true) {
        try {
          helper.join();
          break;
        } catch (InterruptedException e) {
          // The helper holds a transaction: wait for its outcome, then restore the flag.
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    Throwable first = failures.poll();
    if (first != null) {
      failures.forEach(first::addSuppressed);
      if (first instanceof Error error) {
        throw error;
      }
      throw (RuntimeException) first;
    }
    return List.of(results);
  }

  /**
   * Creates missing month partitions, each in its own short transaction: creating a partition locks
   * the parent table, which must not stay locked for the length of a write.
   */
  private void ensureMonths(Collection<SortedMap<EntryKey, JournalEntry>> tenants) {
    SortedSet<YearMonth> months = new TreeSet<>();
    for (SortedMap<EntryKey, JournalEntry> entries : tenants) {
      for (EntryKey key : entries.keySet()) {
        YearMonth month = YearMonth.from(key.bookedAt().atOffset(ZoneOffset.UTC));
        if (!ensuredMonths.contains(month)) {
          months.add(month);
        }
      }
    }
    for (YearMonth month : months) {
      OffsetDateTime start = month.atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC);
      scope.withoutTenant(
          tx ->
              tx.select(
                      DSL.function(
                          DSL.name(LedgerDatabase.SCHEMA, "ledger_ensure_month"),
                          Object.class,
                          DSL.val(start)))
                  .fetch());
      ensuredMonths.add(month);
    }
  }

  /**
   * New entries go in with a plain INSERT; only if one of them is already in the ledger (a replay,
   * or a concurrent writer of the same entry) is the transaction redone skipping present entries,
   * which costs a conflict check per entry.
   */
  private WriteResult writeTenant(String tenantId, SortedMap<EntryKey, JournalEntry> entries) {
    try {
      return writeTenant(tenantId, entries, false);
    } catch (DataAccessException e) {
      if (!hasSqlState(e, StagedAppend.UNIQUE_VIOLATION)) {
        throw e;
      }
      return writeTenant(tenantId, entries, true);
    }
  }

  private WriteResult writeTenant(
      String tenantId, SortedMap<EntryKey, JournalEntry> entries, boolean skipExisting) {
    return scope.inTenant(
        tenantId,
        tx -> {
          insertAccounts(tx, tenantId, entries.values());
          MatchReversals reversals = MatchReversals.of(entries.values());
          StagedAppend.Appended appended =
              tx.connectionResult(
                  c -> StagedAppend.append(c, tenantId, reversals.ordinary(), skipExisting));
          return new WriteResult(
                  appended.entries(),
                  reversals.ordinary().size() - appended.entries(),
                  appended.postings())
              .plus(reversals.book(tx, tenantId));
        });
  }

  /**
   * Equal but for the correlation ids: the same booking reached through other deliveries (a record
   * delivered again) is a repeat, not a conflict; the first one's ids are kept, as the database
   * keeps those of the entry it already holds.
   */
  private static boolean sameBooking(JournalEntry earlier, JournalEntry entry) {
    return earlier.equals(entry)
        || earlier.equals(
            JournalEntry.newBuilder(entry).setCorrelationIds(earlier.getCorrelationIds()).build());
  }

  private static boolean hasSqlState(Throwable e, String sqlState) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sqlState.equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  private static void insertAccounts(
      DSLContext tx, String tenantId, Collection<JournalEntry> entries) {
    SortedSet<String> accounts = new TreeSet<>();
    entries.forEach(e -> e.getPostings().forEach(p -> accounts.add(p.getAccount())));
    List<Row4<String, String, String, String>> rows = new ArrayList<>();
    for (String account : accounts) {
      AccountType type = ChartOfAccounts.typeOf(account);
      rows.add(DSL.row(tenantId, account, type.name(), type.normalBalance().name()));
    }
    for (List<Row4<String, String, String, String>> chunk : chunks(rows)) {
      tx.insertInto(
              ACCOUNTS,
              ACCOUNTS.TENANT_ID,
              ACCOUNTS.ACCOUNT,
              ACCOUNTS.ACCOUNT_TYPE,
              ACCOUNTS.NORMAL_BALANCE)
          .valuesOfRows(chunk)
          .onConflictDoNothing()
          .execute();
    }
  }

  private static <T> List<List<T>> chunks(List<T> rows) {
    List<List<T>> chunks = new ArrayList<>();
    for (int from = 0; from < rows.size(); from += MAX_ROWS_PER_STATEMENT) {
      chunks.add(rows.subList(from, Math.min(rows.size(), from + MAX_ROWS_PER_STATEMENT)));
    }
    return chunks;
  }
}
