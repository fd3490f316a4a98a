package dev.recon.reporting.casework.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recon.reporting.AgeingBucket;
import dev.recon.reporting.casework.CaseStore;
import dev.recon.reporting.casework.Fixtures;
import dev.recon.reporting.casework.RunOutputs;
import dev.recon.reporting.casework.WithDatabase;
import dev.recon.reporting.casework.audit.AuditTrail;
import dev.recon.schemas.ReconException;
import dev.recon.schemas.RecordKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class QueueIT extends WithDatabase {

  private static final String TENANT = "queue";
  private static final String BIG = "big";
  private static final int BREAKS = 237;
  private static final int BIG_BREAKS = 100_000;
  private static final List<String> REASONS =
      List.of("MISSING_IN_PSP", "MISSING_EXPECTED", "AMOUNT_MISMATCH");
  private static final List<ReconException> LOADED = new ArrayList<>();

  @BeforeAll
  static void load() throws SQLException {
    for (int i = 0; i < BREAKS; i++) {
      LOADED.add(
          Fixtures.exception(
              TENANT,
              String.format("x-%04d", i),
              REASONS.get(i % REASONS.size()),
              RecordKind.EXPECTED,
              "E-" + i,
              (i * 7919L) % 10_000 - 5_000,
              Fixtures.NOW.minus(Duration.ofHours(i * 5L % 1_000))));
    }
    new CaseStore(app(), CLOCK)
        .recordRun(
            new RunOutputs(
                TENANT, "load", List.of(), List.of(), List.of(), List.of(), List.of(), LOADED,
                List.of(), List.of()));
    // 100,000 open breaks of another tenant, written by the owner for speed
    ownerExecute(
        "insert into casework.exceptions (tenant_id, exception_id, level, reason, record_kind,"
            + " record_id, amount_minor, currency, record_time, detected_at, psp, assignee)"
            + " select '"
            + BIG
            + "', 'x-' || lpad(g::text, 7, '0'), 'L1',"
            + " (array['MISSING_IN_PSP','MISSING_EXPECTED','AMOUNT_MISMATCH','DUPLICATE'])[g % 4 + 1],"
            + " 'PSP_TXN', 'T-' || g, (g * 7919) % 1000000 - 500000, 'EUR',"
            + " timestamptz '2026-11-25 12:00Z' - (g % 2000) * interval '1 hour',"
            + " timestamptz '2026-11-25 12:00Z', 'adyen',"
            + " case when g % 10 = 0 then 'alice' end"
            + " from generate_series(1, "
            + BIG_BREAKS
            + ") g");
    ownerExecute("analyze casework.exceptions");
  }

  @Test
  void keysetPagesVisitEveryBreakOnceInSortOrder() {
    ExceptionQueue queue = new ExceptionQueue(app(), CLOCK);
    assertThat(pageThrough(queue, QueueFilter.open(), QueueSort.AGE, 50))
        .containsExactlyElementsOf(
            LOADED.stream()
                .sorted(
                    Comparator.comparing(ReconException::getRecordTime)
                        .thenComparing(ReconException::getExceptionId))
                .map(ReconException::getExceptionId)
                .toList());
    assertThat(pageThrough(queue, QueueFilter.open(), QueueSort.AMOUNT, 40))
        .containsExactlyElementsOf(
            LOADED.stream()
                .sorted(
                    Comparator.comparing((ReconException e) -> Math.abs(e.getAmountMinor()))
                        .thenComparing(ReconException::getExceptionId)
                        .reversed())
                .map(ReconException::getExceptionId)
                .toList());
    assertThat(pageThrough(queue, QueueFilter.open(), QueueSort.REASON, 33)).hasSize(BREAKS);
    assertThat(pageThrough(queue, QueueFilter.open(), QueueSort.DETECTED, 200)).hasSize(BREAKS);
  }

  @Test
  void offsetPagesAgreeWithKeysetPages() {
    ExceptionQueue queue = new ExceptionQueue(app(), CLOCK);
    QueuePage first = queue.page(TENANT, QueueFilter.open(), QueueSort.AGE, null, 50);
    QueuePage second =
        queue.page(
            TENANT, QueueFilter.open(), QueueSort.AGE, first.nextPageToken().orElseThrow(), 50);
    assertThat(queue.pageAt(TENANT, QueueFilter.open(), QueueSort.AGE, 50, 50).rows())
        .isEqualTo(second.rows());
    assertThatThrownBy(
            () ->
                queue.pageAt(
                    TENANT, QueueFilter.open(), QueueSort.AGE, ExceptionQueue.MAX_OFFSET + 1, 50))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                queue.page(
                    TENANT,
                    QueueFilter.open(),
                    QueueSort.AMOUNT,
                    first.nextPageToken().orElseThrow(),
                    50))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(queue.page(TENANT, QueueFilter.open(), QueueSort.AGE, null, 10_000).rows())
        .hasSize(ExceptionQueue.MAX_PAGE_SIZE);
  }

  @Test
  void filtersAndCountsSelectTheSameBreaks() {
    ExceptionQueue queue = new ExceptionQueue(app(), CLOCK);
    QueueFilter filter =
        QueueFilter.open().withReason("AMOUNT_MISMATCH").withAmountRange(1_000L, 4_000L);
    List<String> expected =
        LOADED.stream()
            .filter(e -> e.getReason().equals("AMOUNT_MISMATCH"))
            .filter(
                e -> Math.abs(e.getAmountMinor()) >= 1_000 && Math.abs(e.getAmountMinor()) <= 4_000)
            .map(ReconException::getExceptionId)
            .sorted()
            .toList();
    assertThat(pageThrough(queue, filter, QueueSort.AGE, 7))
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(queue.counts(TENANT, filter).total()).isEqualTo(expected.size());
    assertThat(queue.counts(TENANT, QueueFilter.open()).byReason())
        .containsEntry("MISSING_IN_PSP", 79L)
        .containsEntry("AMOUNT_MISMATCH", 79L);

    QueueFilter aged = QueueFilter.open().withAgeingBucket(AgeingBucket.DAYS_8_30);
    List<String> agedExpected =
        LOADED.stream()
            .filter(e -> Duration.between(e.getRecordTime(), Fixtures.NOW).toDays() >= 8)
            .filter(e -> Duration.between(e.getRecordTime(), Fixtures.NOW).toDays() <= 30)
            .map(ReconException::getExceptionId)
            .toList();
    assertThat(agedExpected).isNotEmpty();
    assertThat(pageThrough(queue, aged, QueueSort.AGE, 50))
        .containsExactlyInAnyOrderElementsOf(agedExpected);

    assertThat(pageThrough(queue, QueueFilter.open().withText("E-12"), QueueSort.AGE, 50))
        .containsExactly("x-0012");
    assertThat(pageThrough(queue, QueueFilter.open().withText("x-0007"), QueueSort.AGE, 50))
        .containsExactly("x-0007");
    assertThat(pageThrough(queue, QueueFilter.open().withText("E-1%"), QueueSort.AGE, 50))
        .isEmpty();
  }

  @Test
  void assignCommentAndBulkAssignAreAudited() {
    ExceptionQueue queue = new ExceptionQueue(app(), CLOCK);
    assertThat(queue.assign(TENANT, "lead", "x-0001", "alice")).isTrue();
    assertThat(queue.assign(TENANT, "lead", "x-none", "alice")).isFalse();
    assertThat(queue.bulkAssign(TENANT, "lead", List.of("x-0002", "x-0003", "x-none"), "bob"))
        .isEqualTo(2);
    Optional<CommentView> comment = queue.comment(TENANT, "alice", "x-0001", "asked the PSP");
    assertThat(comment).isPresent();
    assertThat(queue.comment(TENANT, "alice", "x-none", "?")).isEmpty();
    assertThatThrownBy(
            () ->
                queue.bulkAssign(
                    TENANT,
                    "lead",
                    java.util.Collections.nCopies(ExceptionQueue.MAX_BULK + 1, "x-0001"),
                    "bob"))
        .isInstanceOf(IllegalArgumentException.class);

    assertThat(pageThrough(queue, QueueFilter.open().withAssignee("bob"), QueueSort.AGE, 50))
        .containsExactlyInAnyOrder("x-0002", "x-0003");
    ExceptionDetail detail = queue.detail(TENANT, "x-0001").orElseThrow();
    assertThat(detail.exception().assignee()).isEqualTo("alice");
    assertThat(detail.comments()).extracting(CommentView::body).containsExactly("asked the PSP");
    assertThat(detail.auditEvents())
        .extracting(e -> e.actor() + " " + e.action())
        .containsExactly("lead EXCEPTION_ASSIGNED", "alice EXCEPTION_COMMENTED");
    assertThat(new AuditTrail(app(), CLOCK).verify(TENANT).intact()).isTrue();
  }

  @Test
  void aPageOfFiftyOutOfAHundredThousandIsAnIndexScan() throws SQLException {
    ExceptionQueue queue = new ExceptionQueue(app(), CLOCK);
    QueuePage first = queue.page(BIG, QueueFilter.open(), QueueSort.AGE, null, 50);
    assertThat(first.rows()).hasSize(50);
    assertThat(queue.counts(BIG, QueueFilter.open()).total()).isEqualTo(BIG_BREAKS);
    PageToken after =
        PageToken.decode(first.nextPageToken().orElseThrow(), QueueSort.AGE).orElseThrow();

    for (QueueSort sort : QueueSort.values()) {
      assertIndexScan(QueueQuery.page(BIG, QueueFilter.open(), sort, null, 0, 51, Fixtures.NOW));
    }
    assertIndexScan(
        QueueQuery.page(BIG, QueueFilter.open(), QueueSort.AGE, after, 0, 51, Fixtures.NOW));
    assertIndexScan(
        QueueQuery.page(
            BIG,
            QueueFilter.open().withReason("DUPLICATE").withPsp("adyen"),
            QueueSort.AMOUNT,
            null,
            0,
            51,
            Fixtures.NOW));
    assertIndexScan(
        QueueQuery.page(
            BIG,
            QueueFilter.open().withAssignee("alice"),
            QueueSort.AGE,
            null,
            0,
            51,
            Fixtures.NOW));
    assertIndexScan(
        QueueQuery.page(
            BIG, QueueFilter.open().withText("T-4242"), QueueSort.AGE, null, 0, 51, Fixtures.NOW));
  }

  private static void assertIndexScan(SqlQuery query) throws SQLException {
    String plan = explain(query);
    assertThat(plan).as(query.sql()).contains("Index").doesNotContain("Seq Scan");
  }

  private static String explain(SqlQuery query) throws SQLException {
    try (Connection c = app().getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement set =
          c.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
        set.setString(1, BIG);
        set.executeQuery().close();
      }
      StringBuilder plan = new StringBuilder();
      try (PreparedStatement s = c.prepareStatement("explain " + query.sql())) {
        query.bind(s);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            plan.append(rs.getString(1)).append('\n');
          }
        }
      }
      c.commit();
      return plan.toString();
    }
  }

  private static List<String> pageThrough(
      ExceptionQueue queue, QueueFilter filter, QueueSort sort, int size) {
    List<String> ids = new ArrayList<>();
    String token = null;
    for (int guard = 0; guard < 1_000; guard++) {
      QueuePage page = queue.page(TENANT, filter, sort, token, size);
      page.rows().forEach(r -> ids.add(r.exceptionId()));
      if (page.nextPageToken().isEmpty()) {
        return ids;
      }
      token = page.nextPageToken().get();
    }
    throw new AssertionError("paging did not end");
  }
}
