package dev.recon.reporting.casework.proposal;

import dev.recon.schemas.DecisionKind;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads and writes {@code casework.proposals} rows inside a tenant transaction. */
final class ProposalRows {

  static final String COLUMNS =
      "tenant_id, proposal_id, kind, records, exception_id, match_id, amount_minor, currency,"
          + " psp, bank_account, comment, proposed_by, proposed_at, state, decided_by, decided_at,"
          + " decision_comment";

  /** Proposals one listing returns at most. */
  static final int MAX_LISTED = 500;

  private ProposalRows() {}

  static Optional<ProposalView> find(
      Connection c, String tenantId, String proposalId, boolean forUpdate) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "select "
                + COLUMNS
                + " from casework.proposals where tenant_id = ? and proposal_id = ?"
                + (forUpdate ? " for update" : ""))) {
      s.setString(1, tenantId);
      s.setString(2, proposalId);
      List<ProposalView> found = readAll(s);
      return found.stream().findFirst();
    }
  }

  static List<ProposalView> where(Connection c, String condition, Object... params)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "select "
                + COLUMNS
                + " from casework.proposals where "
                + condition
                + " order by proposed_at, proposal_id limit "
                + MAX_LISTED)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      return readAll(s);
    }
  }

  static void insert(Connection c, ProposalView p) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "insert into casework.proposals (tenant_id, proposal_id, kind, records, exception_id,"
                + " match_id, amount_minor, currency, psp, bank_account, comment, proposed_by,"
                + " proposed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      s.setString(1, p.tenantId());
      s.setString(2, p.proposalId());
      s.setString(3, p.kind().name());
      s.setArray(4, c.createArrayOf("varchar", p.records().toArray()));
      s.setString(5, p.exceptionId());
      s.setString(6, p.matchId());
      s.setObject(7, p.amountMinor());
      s.setString(8, p.currency());
      s.setString(9, p.psp());
      s.setString(10, p.bankAccount());
      s.setString(11, p.comment());
      s.setString(12, p.proposedBy());
      s.setObject(13, utc(p.proposedAt()));
      s.executeUpdate();
    }
  }

  static void decide(Connection c, ProposalView decided) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "update casework.proposals set state = ?, decided_by = ?, decided_at = ?,"
                + " decision_comment = ? where tenant_id = ? and proposal_id = ?")) {
      s.setString(1, decided.state().name());
      s.setString(2, decided.decidedBy());
      s.setObject(3, utc(decided.decidedAt()));
      s.setString(4, decided.decisionComment());
      s.setString(5, decided.tenantId());
      s.setString(6, decided.proposalId());
      if (s.executeUpdate() != 1) {
        throw new IllegalStateException("proposal " + decided.proposalId() + " vanished");
      }
    }
  }

  private static List<ProposalView> readAll(PreparedStatement s) throws SQLException {
    List<ProposalView> rows = new ArrayList<>();
    try (ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        rows.add(read(rs));
      }
    }
    return rows;
  }

  private static ProposalView read(ResultSet rs) throws SQLException {
    Array records = rs.getArray("records");
    List<String> refs = new ArrayList<>();
    for (Object ref : (Object[]) records.getArray()) {
      refs.add((String) ref);
    }
    long amount = rs.getLong("amount_minor");
    Long amountMinor = rs.wasNull() ? null : amount;
    return new ProposalView(
        rs.getString("tenant_id"),
        rs.getString("proposal_id"),
        DecisionKind.valueOf(rs.getString("kind")),
        refs,
        rs.getString("exception_id"),
        rs.getString("match_id"),
        amountMinor,
        rs.getString("currency"),
        rs.getString("psp"),
        rs.getString("bank_account"),
        rs.getString("comment"),
        rs.getString("proposed_by"),
        instant(rs, "proposed_at"),
        ProposalState.valueOf(rs.getString("state")),
        rs.getString("decided_by"),
        instant(rs, "decided_at"),
        rs.getString("decision_comment"));
  }

  static OffsetDateTime utc(Instant at) {
    return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
