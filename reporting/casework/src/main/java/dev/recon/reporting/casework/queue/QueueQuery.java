package dev.recon.reporting.casework.queue;

import dev.recon.reporting.AgeingBucket;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * From a filter, a sort and a page position to SQL, as a pure function. Every filter is a bind
 * value, never query text; paging is by keyset (the last row's sort value and exception id), which
 * an index on (tenant, state, sort column, exception_id) serves without counting skipped rows.
 */
final class QueueQuery {

  static final String COLUMNS =
      "exception_id, level, reason, record_kind, record_id, psp, reference, amount_minor,"
          + " amount_at_risk_minor, currency, record_time, detected_at, detail, due_date,"
          + " due_status, state, resolution_kind, resolved_at, assignee";

  private QueueQuery() {}

  /** Rows of one page; {@code limit} is one more than the page size, to know if more follow. */
  static SqlQuery page(
      String tenantId,
      QueueFilter filter,
      QueueSort sort,
      PageToken after,
      long offset,
      int limit,
      Instant now) {
    List<Object> params = new ArrayList<>();
    StringBuilder sql =
        new StringBuilder("select ").append(COLUMNS).append(" from casework.exceptions e");
    sql.append(where(tenantId, filter, now, params));
    if (after != null) {
      sql.append(" and (e.")
          .append(sort.column())
          .append(", e.exception_id) ")
          .append(sort.descending() ? "<" : ">")
          .append(" (?, ?)");
      params.add(sortValue(sort, after.lastValue()));
      params.add(after.lastExceptionId());
    }
    String direction = sort.descending() ? " desc" : "";
    sql.append(" order by e.")
        .append(sort.column())
        .append(direction)
        .append(", e.exception_id")
        .append(direction)
        .append(" limit ?");
    params.add(limit);
    if (offset > 0) {
      sql.append(" offset ?");
      params.add(offset);
    }
    return new SqlQuery(sql.toString(), params);
  }

  /** Counts of the filtered breaks per reason and in total. */
  static SqlQuery countsByReason(String tenantId, QueueFilter filter, Instant now) {
    List<Object> params = new ArrayList<>();
    String where = where(tenantId, filter, now, params);
    return new SqlQuery(
        "select e.reason, count(*) from casework.exceptions e"
            + where
            + " group by e.reason order by e.reason",
        params);
  }

  /** The WHERE clause: tenant first (row-level security filters by it too), then each filter. */
  static String where(String tenantId, QueueFilter filter, Instant now, List<Object> params) {
    StringBuilder sql = new StringBuilder(" where e.tenant_id = ?");
    params.add(tenantId);
    if (filter.state() != null) {
      sql.append(" and e.state = ?");
      params.add(filter.state().name());
    }
    equal(sql, params, "reason", filter.reason());
    equal(sql, params, "psp", filter.psp());
    equal(sql, params, "currency", filter.currency());
    if (filter.assignee() != null) {
      if (filter.assignee().equals(QueueFilter.UNASSIGNED)) {
        sql.append(" and e.assignee is null");
      } else {
        equal(sql, params, "assignee", filter.assignee());
      }
    }
    if (filter.ageingBucket() != null) {
      AgeBounds bounds = AgeBounds.of(filter.ageingBucket(), now);
      if (bounds.after() != null) {
        sql.append(" and e.record_time > ?");
        params.add(utc(bounds.after()));
      }
      if (bounds.notAfter() != null) {
        sql.append(" and e.record_time <= ?");
        params.add(utc(bounds.notAfter()));
      }
    }
    if (filter.minAmountMinor() != null) {
      sql.append(" and e.amount_at_risk_minor >= ?");
      params.add(filter.minAmountMinor());
    }
    if (filter.maxAmountMinor() != null) {
      sql.append(" and e.amount_at_risk_minor <= ?");
      params.add(filter.maxAmountMinor());
    }
    if (filter.text() != null) {
      // Equality only: under row-level security only leakproof operators become index conditions,
      // and LIKE is not leakproof, so a prefix search would read every row of the tenant. Each arm
      // is served by its own index, combined by a BitmapOr.
      sql.append(" and (e.exception_id = ? or e.record_id = ? or e.reference = ?)");
      params.add(filter.text());
      params.add(filter.text());
      params.add(filter.text());
    }
    return sql.toString();
  }

  private static void equal(StringBuilder sql, List<Object> params, String column, String value) {
    if (value != null) {
      sql.append(" and e.").append(column).append(" = ?");
      params.add(value);
    }
  }

  /** The sort value of a row as a page token keeps it. */
  static Object sortValue(QueueSort sort, String text) {
    return switch (sort) {
      case AGE, DETECTED -> utc(Instant.parse(text));
      case AMOUNT -> Long.parseLong(text);
      case REASON -> text;
    };
  }

  private static OffsetDateTime utc(Instant at) {
    return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }

  /**
   * The record times of an ageing bucket at {@code now}, with the report's age (whole days from the
   * record's time, floored, never negative): age <= 1 is a record time after now - 2 days, and so
   * on. A null bound is open.
   */
  record AgeBounds(Instant after, Instant notAfter) {

    static AgeBounds of(AgeingBucket bucket, Instant now) {
      return switch (bucket) {
        case DAYS_0_1 -> new AgeBounds(now.minus(days(2)), null);
        case DAYS_2_7 -> new AgeBounds(now.minus(days(8)), now.minus(days(2)));
        case DAYS_8_30 -> new AgeBounds(now.minus(days(31)), now.minus(days(8)));
        case OVER_30 -> new AgeBounds(null, now.minus(days(31)));
      };
    }

    private static Duration days(long n) {
      return Duration.ofDays(n);
    }
  }
}
