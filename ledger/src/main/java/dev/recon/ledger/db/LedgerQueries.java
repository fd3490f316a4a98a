package dev.recon.ledger.db;

import static dev.recon.ledger.jooq.Tables.ACCOUNTS;
import static dev.recon.ledger.jooq.Tables.DAILY_BALANCES;
import static dev.recon.ledger.jooq.Tables.JOURNAL_ENTRIES;
import static dev.recon.ledger.jooq.Tables.POSTINGS;

import dev.recon.ledger.chart.AccountType;
import dev.recon.ledger.chart.ChartOfAccounts;
import dev.recon.ledger.posting.CorrelationIds;
import dev.recon.ledger.posting.JournalEntryInvariants;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * The ledger's read side for reports and the command line. Every read runs in a transaction of its
 * tenant, through a login of the application role: row-level security decides what is seen.
 * Thread-safe.
 */
public final class LedgerQueries {

  /** Source ids per {@link #journalLines} call. */
  public static final int MAX_SOURCE_IDS = 100_000;

  private final TenantScope scope;

  /**
   * @param appDataSource connects as a login of the application role
   */
  public LedgerQueries(DataSource appDataSource) {
    this.scope =
        new TenantScope(DSL.using(Objects.requireNonNull(appDataSource), SQLDialect.POSTGRES));
  }

  /**
   * The postings of the entries booked for the given sources (match ids), ordered by booking time,
   * entry id and line.
   *
   * @throws IllegalArgumentException for more than {@link #MAX_SOURCE_IDS} ids or a bad tenant id
   */
  public List<JournalLine> journalLines(String tenantId, Collection<String> sourceIds) {
    if (sourceIds.size() > MAX_SOURCE_IDS) {
      throw new IllegalArgumentException("more than " + MAX_SOURCE_IDS + " source ids");
    }
    if (sourceIds.isEmpty()) {
      TenantScope.requireTenantId(tenantId);
      return List.of();
    }
    String[] ids = sourceIds.toArray(String[]::new);
    return scope.inTenant(
        tenantId,
        tx ->
            tx.select(
                    JOURNAL_ENTRIES.ENTRY_ID,
                    JOURNAL_ENTRIES.BOOKED_AT,
                    POSTINGS.ACCOUNT,
                    POSTINGS.DEBIT_MINOR,
                    POSTINGS.CREDIT_MINOR,
                    POSTINGS.CURRENCY,
                    JOURNAL_ENTRIES.SOURCE_KIND,
                    JOURNAL_ENTRIES.SOURCE_ID)
                .from(JOURNAL_ENTRIES)
                .join(POSTINGS)
                .on(samePostingEntry())
                .where(JOURNAL_ENTRIES.SOURCE_ID.eq(DSL.any(ids)))
                .orderBy(JOURNAL_ENTRIES.BOOKED_AT, JOURNAL_ENTRIES.ENTRY_ID, POSTINGS.LINE_NO)
                .fetch(
                    r ->
                        new JournalLine(
                            r.value1(),
                            r.value2().toInstant(),
                            r.value3(),
                            r.value4(),
                            r.value5(),
                            r.value6(),
                            r.value7(),
                            r.value8())));
  }

  /**
   * The correlation ids of the entries booked for the given sources (match ids), one per entry,
   * ordered like {@link #journalLines}: from a posting to the logs of the deliveries behind it.
   *
   * @throws IllegalArgumentException for more than {@link #MAX_SOURCE_IDS} ids or a bad tenant id
   */
  public List<EntryCorrelation> entryCorrelations(String tenantId, Collection<String> sourceIds) {
    if (sourceIds.size() > MAX_SOURCE_IDS) {
      throw new IllegalArgumentException("more than " + MAX_SOURCE_IDS + " source ids");
    }
    if (sourceIds.isEmpty()) {
      TenantScope.requireTenantId(tenantId);
      return List.of();
    }
    String[] ids = sourceIds.toArray(String[]::new);
    return scope.inTenant(
        tenantId,
        tx ->
            tx.select(
                    JOURNAL_ENTRIES.ENTRY_ID,
                    JOURNAL_ENTRIES.BOOKED_AT,
                    JOURNAL_ENTRIES.SOURCE_KIND,
                    JOURNAL_ENTRIES.SOURCE_ID,
                    JOURNAL_ENTRIES.CORRELATION_IDS)
                .from(JOURNAL_ENTRIES)
                .where(JOURNAL_ENTRIES.SOURCE_ID.eq(DSL.any(ids)))
                .orderBy(JOURNAL_ENTRIES.BOOKED_AT, JOURNAL_ENTRIES.ENTRY_ID)
                .fetch(
                    r ->
                        new EntryCorrelation(
                            r.value1(),
                            r.value2().toInstant(),
                            r.value3(),
                            r.value4(),
                            CorrelationIds.fromColumn(r.value5()))));
  }

  /**
   * Ids of entries that do not balance in some currency or have no postings, sorted. Always empty
   * while the database's constraints hold; reports show it as a self-check.
   */
  public List<String> unbalancedEntries(String tenantId) {
    BigDecimal zero = BigDecimal.ZERO;
    return scope.inTenant(
        tenantId,
        tx ->
            tx.selectDistinct(JOURNAL_ENTRIES.ENTRY_ID)
                .from(JOURNAL_ENTRIES)
                .leftJoin(POSTINGS)
                .on(samePostingEntry())
                .groupBy(JOURNAL_ENTRIES.ENTRY_ID, JOURNAL_ENTRIES.BOOKED_AT, POSTINGS.CURRENCY)
                .having(
                    DSL.count(POSTINGS.LINE_NO)
                        .eq(0)
                        .or(
                            DSL.coalesce(DSL.sum(POSTINGS.DEBIT_MINOR), zero)
                                .ne(DSL.coalesce(DSL.sum(POSTINGS.CREDIT_MINOR), zero))))
                .orderBy(JOURNAL_ENTRIES.ENTRY_ID)
                .fetch(JOURNAL_ENTRIES.ENTRY_ID));
  }

  /** Debit and credit totals per account and currency, ordered by account then currency. */
  public List<TrialBalanceLine> trialBalance(String tenantId) {
    return trialBalance(tenantId, DSL.noCondition());
  }

  private List<TrialBalanceLine> trialBalance(String tenantId, Condition postingsFilter) {
    return scope.inTenant(
        tenantId,
        tx ->
            tx.select(
                    POSTINGS.ACCOUNT,
                    ACCOUNTS.ACCOUNT_TYPE,
                    POSTINGS.CURRENCY,
                    DSL.sum(POSTINGS.DEBIT_MINOR),
                    DSL.sum(POSTINGS.CREDIT_MINOR))
                .from(POSTINGS)
                .join(ACCOUNTS)
                .on(
                    ACCOUNTS
                        .TENANT_ID
                        .eq(POSTINGS.TENANT_ID)
                        .and(ACCOUNTS.ACCOUNT.eq(POSTINGS.ACCOUNT)))
                .where(postingsFilter)
                .groupBy(POSTINGS.ACCOUNT, ACCOUNTS.ACCOUNT_TYPE, POSTINGS.CURRENCY)
                .orderBy(POSTINGS.ACCOUNT, POSTINGS.CURRENCY)
                .fetch(
                    r ->
                        new TrialBalanceLine(
                            r.value1(),
                            AccountType.valueOf(r.value2()),
                            r.value3(),
                            r.value4().longValueExact(),
                            r.value5().longValueExact())));
  }

  /**
   * Debit and credit totals per account and currency of the postings booked at or before {@code
   * asOf}, ordered by account then currency. Whole UTC days before {@code asOf} are read from the
   * daily balances the database maintains, only {@code asOf}'s own day from the postings; one
   * statement, so one consistent snapshot. Inside an archived month only whole days remain: an
   * instant there is answered as of the start of its day; use {@link #trialBalanceAtEndOfDay}.
   */
  public List<TrialBalanceLine> trialBalanceAsOf(String tenantId, Instant asOf) {
    Objects.requireNonNull(asOf, "asOf");
    Table<?> totals = totalsAsOf(asOf, DSL.noCondition(), DSL.noCondition());
    Field<String> account = totals.field("account", String.class);
    Field<String> currency = totals.field("currency", String.class);
    Field<Long> debit = totals.field("debit_minor", Long.class);
    Field<Long> credit = totals.field("credit_minor", Long.class);
    return scope.inTenant(
        tenantId,
        tx ->
            tx.select(account, ACCOUNTS.ACCOUNT_TYPE, currency, DSL.sum(debit), DSL.sum(credit))
                .from(totals)
                .join(ACCOUNTS)
                .on(ACCOUNTS.ACCOUNT.eq(account))
                .groupBy(account, ACCOUNTS.ACCOUNT_TYPE, currency)
                .orderBy(account, currency)
                .fetch(
                    r ->
                        new TrialBalanceLine(
                            r.value1(),
                            AccountType.valueOf(r.value2()),
                            r.value3(),
                            r.value4().longValueExact(),
                            r.value5().longValueExact())));
  }

  /**
   * Debits minus credits (positive is a debit balance) of one account in one currency, over the
   * postings booked at or before {@code asOf}; zero for an account without postings. Read like
   * {@link #trialBalanceAsOf}.
   */
  public long balanceAsOf(String tenantId, String account, String currency, Instant asOf) {
    Objects.requireNonNull(asOf, "asOf");
    if (!JournalEntryInvariants.isCurrency(currency)) {
      throw new IllegalArgumentException("currency must match " + JournalEntryInvariants.CURRENCY);
    }
    if (!ChartOfAccounts.isAccount(account)) {
      throw new IllegalArgumentException("not an account of the chart: " + account);
    }
    Table<?> totals =
        totalsAsOf(
            asOf,
            DAILY_BALANCES.ACCOUNT.eq(account).and(DAILY_BALANCES.CURRENCY.eq(currency)),
            POSTINGS.ACCOUNT.eq(account).and(POSTINGS.CURRENCY.eq(currency)));
    Field<Long> debit = totals.field("debit_minor", Long.class);
    Field<Long> credit = totals.field("credit_minor", Long.class);
    BigDecimal balance =
        scope.inTenant(
            tenantId,
            tx ->
                tx.select(DSL.coalesce(DSL.sum(debit.minus(credit)), BigDecimal.ZERO))
                    .from(totals)
                    .fetchOne()
                    .value1());
    return balance.longValueExact();
  }

  /**
   * Debit and credit totals per account and currency at the end of the UTC day {@code day}, read
   * from the daily balances alone, ordered by account then currency. Exact for every day, archived
   * months included (their daily balances stay when their postings are archived).
   */
  public List<TrialBalanceLine> trialBalanceAtEndOfDay(String tenantId, LocalDate day) {
    Objects.requireNonNull(day, "day");
    return scope.inTenant(
        tenantId,
        tx ->
            tx.select(
                    DAILY_BALANCES.ACCOUNT,
                    ACCOUNTS.ACCOUNT_TYPE,
                    DAILY_BALANCES.CURRENCY,
                    DSL.sum(DAILY_BALANCES.DEBIT_MINOR),
                    DSL.sum(DAILY_BALANCES.CREDIT_MINOR))
                .from(DAILY_BALANCES)
                .join(ACCOUNTS)
                .on(
                    ACCOUNTS
                        .TENANT_ID
                        .eq(DAILY_BALANCES.TENANT_ID)
                        .and(ACCOUNTS.ACCOUNT.eq(DAILY_BALANCES.ACCOUNT)))
                .where(DAILY_BALANCES.DAY.le(day))
                .groupBy(DAILY_BALANCES.ACCOUNT, ACCOUNTS.ACCOUNT_TYPE, DAILY_BALANCES.CURRENCY)
                .orderBy(DAILY_BALANCES.ACCOUNT, DAILY_BALANCES.CURRENCY)
                .fetch(
                    r ->
                        new TrialBalanceLine(
                            r.value1(),
                            AccountType.valueOf(r.value2()),
                            r.value3(),
                            r.value4().longValueExact(),
                            r.value5().longValueExact())));
  }

  /** Whole days before asOf's UTC day from the daily balances, that day's postings up to asOf. */
  private static Table<?> totalsAsOf(Instant asOf, Condition daily, Condition postings) {
    LocalDate day = asOf.atOffset(ZoneOffset.UTC).toLocalDate();
    OffsetDateTime dayStart = day.atStartOfDay().atOffset(ZoneOffset.UTC);
    return DSL.select(
            DAILY_BALANCES.ACCOUNT.as("account"),
            DAILY_BALANCES.CURRENCY.as("currency"),
            DAILY_BALANCES.DEBIT_MINOR.as("debit_minor"),
            DAILY_BALANCES.CREDIT_MINOR.as("credit_minor"))
        .from(DAILY_BALANCES)
        .where(DAILY_BALANCES.DAY.lt(day))
        .and(daily)
        .unionAll(
            DSL.select(
                    POSTINGS.ACCOUNT,
                    POSTINGS.CURRENCY,
                    POSTINGS.DEBIT_MINOR,
                    POSTINGS.CREDIT_MINOR)
                .from(POSTINGS)
                .where(POSTINGS.BOOKED_AT.ge(dayStart))
                .and(POSTINGS.BOOKED_AT.le(asOf.atOffset(ZoneOffset.UTC)))
                .and(postings))
        .asTable("totals");
  }

  /** Number of journal entries of the tenant. */
  public long entryCount(String tenantId) {
    return scope.inTenant(
        tenantId,
        tx -> tx.select(DSL.count().coerce(Long.class)).from(JOURNAL_ENTRIES).fetchOne().value1());
  }

  private static Condition samePostingEntry() {
    return POSTINGS
        .TENANT_ID
        .eq(JOURNAL_ENTRIES.TENANT_ID)
        .and(POSTINGS.ENTRY_ID.eq(JOURNAL_ENTRIES.ENTRY_ID))
        .and(POSTINGS.BOOKED_AT.eq(JOURNAL_ENTRIES.BOOKED_AT));
  }
}
