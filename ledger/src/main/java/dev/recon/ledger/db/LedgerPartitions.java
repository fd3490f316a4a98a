package dev.recon.ledger.db;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * Creates the ledger's month partitions ahead of the bookings that need them, through the
 * database's own {@code ledger.ledger_ensure_month} (the only way partitions come into being). The
 * platform calls {@link #ensureAhead} at start, so writers rarely have to create a partition, which
 * locks the parent tables, on their hot path.
 */
public final class LedgerPartitions {

  /** At most this many months per call; the database itself refuses months 5 years ahead. */
  public static final int MAX_MONTHS = 60;

  /** How many months the platform keeps ready, the current one included. */
  public static final int DEFAULT_MONTHS_AHEAD = 3;

  private LedgerPartitions() {}

  /**
   * Ensures the partitions of {@code months} consecutive months starting at {@code from} exist,
   * each month in its own short transaction (creating a partition locks the parent tables).
   *
   * @param owner a data source of the schema owner or of the application role (both may call the
   *     function; nothing else can create partitions)
   * @return the months whose partitions did not exist before, in order
   * @throws IllegalArgumentException if months is outside 1..{@value #MAX_MONTHS}
   * @throws org.jooq.exception.DataAccessException on database errors, e.g. a month the database
   *     refuses (before 2000, 5 years ahead or later, or archived)
   */
  public static List<YearMonth> ensureAhead(DataSource owner, YearMonth from, int months) {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(from, "from");
    if (months < 1 || months > MAX_MONTHS) {
      throw new IllegalArgumentException("months must be within 1.." + MAX_MONTHS);
    }
    DSLContext db = DSL.using(owner, SQLDialect.POSTGRES);
    List<YearMonth> created = new ArrayList<>();
    for (int i = 0; i < months; i++) {
      YearMonth month = from.plusMonths(i);
      boolean existed =
          db.transactionResult(
              cfg -> {
                DSLContext tx = cfg.dsl();
                boolean both = exists(tx, month);
                OffsetDateTime start = month.atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC);
                tx.select(
                        DSL.function(
                            DSL.name(LedgerDatabase.SCHEMA, "ledger_ensure_month"),
                            Object.class,
                            DSL.val(start)))
                    .fetch();
                return both;
              });
      if (!existed) {
        created.add(month);
      }
    }
    return List.copyOf(created);
  }

  /** Whether both partitions of the month are there. */
  public static boolean exists(DataSource owner, YearMonth month) {
    return exists(DSL.using(Objects.requireNonNull(owner, "owner"), SQLDialect.POSTGRES), month);
  }

  static boolean exists(DSLContext db, YearMonth month) {
    Boolean both =
        db.resultQuery(
                "select to_regclass({0}) is not null and to_regclass({1}) is not null",
                DSL.val(partitionName("journal_entries", month)),
                DSL.val(partitionName("postings", month)))
            .fetchOne(0, Boolean.class);
    return Boolean.TRUE.equals(both);
  }

  /** The schema-qualified name ledger_ensure_month gives a month's partition of a table. */
  public static String partitionName(String table, YearMonth month) {
    return String.format(
        java.util.Locale.ROOT,
        "%s.%s_y%04dm%02d",
        LedgerDatabase.SCHEMA,
        table,
        month.getYear(),
        month.getMonthValue());
  }
}
