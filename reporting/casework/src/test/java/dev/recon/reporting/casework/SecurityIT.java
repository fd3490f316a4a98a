package dev.recon.reporting.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recon.reporting.casework.audit.AuditTrail;
import dev.recon.reporting.casework.audit.ChainVerification;
import dev.recon.reporting.casework.proposal.ProposalOutcome;
import dev.recon.reporting.casework.proposal.ProposalTarget;
import dev.recon.reporting.casework.proposal.Proposals;
import dev.recon.reporting.casework.queue.ExceptionQueue;
import dev.recon.reporting.casework.queue.QueueFilter;
import dev.recon.reporting.casework.queue.QueueSort;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Row-level security, four eyes and the append-only audit trail, attacked with SQL. */
class SecurityIT extends WithDatabase {

  private static final List<String> TABLES =
      List.of(
          "source_documents",
          "canonical_records",
          "matches",
          "match_members",
          "exceptions",
          "resolutions",
          "comments",
          "dead_letters",
          "proposals",
          "audit_log");

  @BeforeAll
  static void twoTenants() {
    CaseStore store = new CaseStore(app(), CLOCK);
    store.recordRun(Fixtures.run("tenant-a"));
    store.recordRun(Fixtures.run("tenant-b"));
    RunOutputs resolved =
        new RunOutputs(
            "tenant-a",
            "late",
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(Fixtures.resolution("tenant-a", "x-psp2")),
            List.of());
    store.recordRun(resolved);
    new ExceptionQueue(app(), CLOCK).comment("tenant-a", "alice", "x-psp2", "looking into it");
    new Proposals(app(), CLOCK)
        .propose("tenant-a", "alice", ProposalTarget.writeOff("x-e3"), "never arrives");
  }

  @Test
  void aTenantSeesOnlyItsOwnRows() throws SQLException {
    for (String table : TABLES) {
      assertThat(
              appCount(
                  "tenant-b",
                  "select count(*) from casework." + table + " where tenant_id = 'tenant-a'"))
          .as(table)
          .isZero();
      assertThat(appCount("tenant-a", "select count(*) from casework." + table))
          .as(table)
          .isPositive();
    }
    assertThat(
            new ExceptionQueue(app(), CLOCK)
                .page("tenant-b", QueueFilter.open(), QueueSort.AGE, null, 50)
                .rows())
        .extracting(r -> r.exceptionId())
        .containsExactlyInAnyOrder("x-psp2", "x-e3");
    assertThat(
            new ExceptionQueue(app(), CLOCK)
                .page("tenant-a", QueueFilter.open(), QueueSort.AGE, null, 50)
                .rows())
        .extracting(r -> r.exceptionId())
        .containsExactly("x-e3");
    assertThat(
            new ExceptionQueue(app(), CLOCK).detail("tenant-b", "x-psp2").orElseThrow().comments())
        .isEmpty();
  }

  @Test
  void withoutATenantNothingIsVisible() throws SQLException {
    try (Connection c = app().getConnection();
        Statement s = c.createStatement()) {
      for (String table : TABLES) {
        try (ResultSet rs = s.executeQuery("select count(*) from casework." + table)) {
          rs.next();
          assertThat(rs.getLong(1)).as(table).isZero();
        }
      }
    }
  }

  @Test
  void aTenantCannotWriteAnotherTenantsRows() throws SQLException {
    assertThatThrownBy(
            () ->
                appExecute(
                    "tenant-b",
                    "insert into casework.comments (tenant_id, comment_id, exception_id, author,"
                        + " body, at) values ('tenant-a', 'c-x', 'x-psp2', 'mallory', 'hi', now())"))
        .hasMessageContaining("row-level security");
    assertThat(
            appUpdate(
                "tenant-b",
                "update casework.exceptions set assignee = 'mallory' where tenant_id = 'tenant-a'"))
        .isZero();
    assertThatThrownBy(
            () -> appExecute("tenant-b", "update casework.exceptions set tenant_id = 'tenant-a'"))
        .hasMessageContaining("permission denied");
  }

  @Test
  void theAppRoleDeletesNothing() {
    for (String table : TABLES) {
      assertThatThrownBy(() -> appExecute("tenant-a", "delete from casework." + table))
          .as(table)
          .hasMessageContaining("permission denied");
    }
    assertThatThrownBy(() -> appExecute("tenant-a", "truncate casework.audit_log"))
        .hasMessageContaining("permission denied");
  }

  @Test
  void theAuditTrailIsAppendOnlyEvenForTheOwner() {
    assertThatThrownBy(() -> appExecute("tenant-a", "update casework.audit_log set actor = 'x'"))
        .hasMessageContaining("permission denied");
    assertThatThrownBy(() -> ownerExecute("update casework.audit_log set actor = 'x'"))
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> ownerExecute("delete from casework.audit_log"))
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> ownerExecute("truncate casework.audit_log"))
        .hasMessageContaining("append-only");
  }

  @Test
  void anEventThatDoesNotLinkIsRefused() {
    assertThatThrownBy(
            () ->
                appExecute(
                    "tenant-a",
                    "insert into casework.audit_log (tenant_id, seq, prev_hash, hash, at, actor,"
                        + " action, subject, detail) values ('tenant-a', 1000, repeat('0', 64),"
                        + " repeat('1', 64), now(), 'mallory', 'X', 's', '{}')"))
        .hasMessageContaining("follows no event");
  }

  @Test
  void fourEyesIsEnforcedByTheDatabase() throws SQLException {
    String id = proposalOf("tenant-a");
    assertThatThrownBy(
            () ->
                appExecute(
                    "tenant-a",
                    "update casework.proposals set state = 'APPROVED', decided_by = proposed_by,"
                        + " decided_at = now() where proposal_id = '"
                        + id
                        + "'"))
        .hasMessageContaining("four eyes");
    assertThatThrownBy(
            () ->
                appExecute(
                    "tenant-a",
                    "update casework.proposals set amount_minor = 1 where proposal_id = '"
                        + id
                        + "'"))
        .hasMessageContaining("permission denied");
    assertThat(
            appUpdate(
                "tenant-a",
                "update casework.proposals set state = 'REJECTED', decided_by = 'bob',"
                    + " decided_at = now(), decision_comment = 'no' where proposal_id = '"
                    + id
                    + "'"))
        .isEqualTo(1);
    assertThatThrownBy(
            () ->
                appExecute(
                    "tenant-a",
                    "update casework.proposals set state = 'APPROVED', decided_by = 'carol',"
                        + " decided_at = now() where proposal_id = '"
                        + id
                        + "'"))
        .hasMessageContaining("already REJECTED");
    // and a decided proposal refuses the Java path as a value
    ProposalOutcome again = new Proposals(app(), CLOCK).approve("tenant-a", "carol", id);
    assertThat(again.status()).isEqualTo(ProposalOutcome.Status.ALREADY_DECIDED);
  }

  @Test
  void aTamperedEventIsFoundByVerify() throws SQLException {
    AuditTrail trail = new AuditTrail(app(), CLOCK);
    trail.append("tamper", "alice", "EXCEPTION_ASSIGNED", "exception:x", Map.of("assignee", "bob"));
    trail.append("tamper", "bob", "EXCEPTION_COMMENTED", "exception:x", Map.of("body", "ok"));
    trail.append("tamper", "system:reconcile", "RUN_RECORDED", "run:r", Map.of("records", 3));
    ChainVerification ok = trail.verify("tamper");
    assertThat(ok.intact()).isTrue();
    assertThat(ok.eventsChecked()).isEqualTo(3);

    // the owner can switch triggers off for its session; verify still finds the change
    try (Connection c = db.owner().getConnection();
        Statement s = c.createStatement()) {
      s.execute("set session_replication_role = replica");
      s.execute(
          "update casework.audit_log set detail = '{\"body\":\"not ok\"}'"
              + " where tenant_id = 'tamper' and seq = 2");
    }
    ChainVerification broken = trail.verify("tamper");
    assertThat(broken.intact()).isFalse();
    assertThat(broken.firstBrokenSeq()).isEqualTo(2);
    assertThat(broken.problem()).contains("content");
    assertThat(broken.describe()).contains("BROKEN at event 2");
    assertThat(trail.verify("tenant-a").intact()).isTrue();
  }

  @Test
  void aDeletedEventIsFoundByVerify() throws SQLException {
    AuditTrail trail = new AuditTrail(app(), CLOCK);
    for (int i = 0; i < 3; i++) {
      trail.append("gap", "alice", "EXCEPTION_ASSIGNED", "exception:x", Map.of("i", i));
    }
    try (Connection c = db.owner().getConnection();
        Statement s = c.createStatement()) {
      s.execute("set session_replication_role = replica");
      s.execute("delete from casework.audit_log where tenant_id = 'gap' and seq = 2");
    }
    ChainVerification broken = trail.verify("gap");
    assertThat(broken.intact()).isFalse();
    assertThat(broken.firstBrokenSeq()).isEqualTo(3);
  }

  @Test
  void aRoleThatBypassesRowLevelSecurityIsRefused() {
    assertThatThrownBy(() -> new AuditTrail(db.owner(), CLOCK).verify("tenant-a"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("row-level security");
  }

  private static String proposalOf(String tenant) throws SQLException {
    try (Connection c = app().getConnection()) {
      c.setAutoCommit(false);
      setTenant(c, tenant);
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "select proposal_id from casework.proposals where state = 'PROPOSED'")) {
        rs.next();
        String id = rs.getString(1);
        c.commit();
        return id;
      }
    }
  }

  private static long appCount(String tenant, String sql) throws SQLException {
    try (Connection c = app().getConnection()) {
      c.setAutoCommit(false);
      setTenant(c, tenant);
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery(sql)) {
        rs.next();
        long n = rs.getLong(1);
        c.commit();
        return n;
      }
    }
  }

  private static int appUpdate(String tenant, String sql) throws SQLException {
    try (Connection c = app().getConnection()) {
      c.setAutoCommit(false);
      setTenant(c, tenant);
      try (Statement s = c.createStatement()) {
        int n = s.executeUpdate(sql);
        c.commit();
        return n;
      }
    }
  }

  private static void appExecute(String tenant, String sql) throws SQLException {
    appUpdate(tenant, sql);
  }

  private static void setTenant(Connection c, String tenant) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
      s.setString(1, tenant);
      s.executeQuery().close();
    }
  }
}
