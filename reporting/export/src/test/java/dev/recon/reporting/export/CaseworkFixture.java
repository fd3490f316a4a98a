package dev.recon.reporting.export;

import dev.recon.ledger.db.LedgerWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The casework schema (casework's own migrations) with a small case per tenant: a PSP capture
 * matched L1 to its expected payment and L3 into payout po_1, and a second capture raised as an
 * exception and written off. Rows are inserted as the owner (a superuser passes row-level security
 * on insert); the exports and packs read them as the application role.
 */
public final class CaseworkFixture {

  public static final String DOCUMENT_SHA = "d".repeat(64);
  public static final String DOCUMENT = "type,psp_reference,amount\nCAPTURE,psp-1,10.00\n";

  private CaseworkFixture() {}

  public static void migrate(DataSource owner) {
    Flyway.configure(CaseworkFixture.class.getClassLoader())
        .dataSource(owner)
        .schemas("casework")
        .defaultSchema("casework")
        .createSchemas(true)
        .table("casework_schema_history")
        .locations(MIGRATIONS)
        .load()
        .migrate();
  }

  /**
   * Casework's migrations from its jar when it is on the test class path, else from its sources in
   * this repository (built side by side in one session).
   */
  static final String MIGRATIONS =
      CaseworkFixture.class.getClassLoader().getResource("db/migration/casework") != null
          ? "classpath:db/migration/casework"
          : "filesystem:../casework/src/main/resources/db/migration/casework";

  public static void book(DataSource owner, DataSource app, String tenant, String secret)
      throws SQLException {
    String t = "'" + tenant + "'";
    try (Connection c = owner.getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "insert into casework.source_documents values ("
              + t
              + ", '"
              + DOCUMENT_SHA
              + "', 'adyen-settlement.csv', 'sftp:adyen', '2024-05-01T06:00:00Z', "
              + DOCUMENT.length()
              + ", convert_to('"
              + DOCUMENT
              + "', 'UTF8'))");
      String rec =
          "insert into casework.canonical_records (tenant_id, record_kind, record_id, record_type,"
              + " psp, reference, amount_minor, currency, event_date, source, file_name,"
              + " document_sha256, source_line, canonical) values ("
              + t
              + ", ";
      String doc = "'sftp:adyen', 'adyen-settlement.csv', '" + DOCUMENT_SHA + "', ";
      s.execute(
          rec
              + "'PSP_TXN', 'psp-1', 'CAPTURE', 'adyen', 'psp-1', 1000, 'EUR', '2024-05-01', "
              + doc
              + "2, '{\"batch_id\": {\"string\": \"po_1\"}}')");
      s.execute(
          rec
              + "'PSP_TXN', 'psp-2', 'CAPTURE', 'adyen', 'psp-2', 500, 'EUR', '2024-05-01', "
              + doc
              + "3, '{\"batch_id\": null, \"note\": \""
              + secret
              + "\"}')");
      s.execute(
          rec
              + "'EXPECTED', 'ord-1', null, 'adyen', 'ord-1', 1000, 'EUR', '2024-05-01', "
              + doc
              + "0, '{}')");
      s.execute(
          rec
              + "'PAYOUT', 'po_1', 'PAYOUT', 'adyen', 'po_1', 1000, 'EUR', '2024-05-03', "
              + doc
              + "9, '{}')");
      s.execute(
          "insert into casework.matches values ("
              + t
              + ", 'L1:psp-1', 'L1', 'exact', 100, '2024-05-01T10:00:00Z'), ("
              + t
              + ", 'L3:po_1', 'L3', 'settlement', 100, '2024-05-03T10:00:00Z')");
      s.execute(
          "insert into casework.match_members values ("
              + t
              + ", 'L1:psp-1', 'EXPECTED', 'ord-1', 1000, 'EUR'), ("
              + t
              + ", 'L1:psp-1', 'PSP_TXN', 'psp-1', 1000, 'EUR'), ("
              + t
              + ", 'L3:po_1', 'PSP_TXN', 'psp-1', 1000, 'EUR'), ("
              + t
              + ", 'L3:po_1', 'PAYOUT', 'po_1', 1000, 'EUR')");
      s.execute(
          "insert into casework.exceptions (tenant_id, exception_id, level, reason, record_kind,"
              + " record_id, amount_minor, currency, record_time, detected_at, detail, psp,"
              + " reference, state, resolution_kind, resolution_id, resolved_at) values ("
              + t
              + ", 'ex-1', 'L1', 'MISSING_EXPECTED', 'PSP_TXN', 'psp-2', 500, 'EUR',"
              + " '2024-05-01T09:00:00Z', '2024-05-02T00:00:00Z', '"
              + secret
              + "', 'adyen', 'psp-2', 'RESOLVED', 'WRITE_OFF', 'res-1', '2024-05-04T12:00:00Z')");
      s.execute(
          "insert into casework.resolutions values ("
              + t
              + ", 'res-1', 'ex-1', 'WRITE_OFF', null, 'PSP_TXN', 'psp-2', '2024-05-02T00:00:00Z',"
              + " '2024-05-04T12:00:00Z', 'approved write-off')");
      s.execute(
          "insert into casework.comments values ("
              + t
              + ", 'c1', 'ex-1', 'ana', 'customer never ordered', '2024-05-03T08:00:00Z')");
      s.execute(
          "insert into casework.audit_log values ("
              + t
              + ", 1, '"
              + "0".repeat(64)
              + "', '"
              + "a".repeat(64)
              + "', '2024-05-03T08:00:00Z', 'ana', 'COMMENTED', 'exception:ex-1', '{}'), ("
              + t
              + ", 2, '"
              + "a".repeat(64)
              + "', '"
              + "b".repeat(64)
              + "', '2024-05-03T09:00:00Z', 'system', 'RUN_STORED', 'run:other', '{}')");
    }
    new LedgerWriter(app)
        .write(
            List.of(
                Bookings.entry(
                    tenant,
                    "je-l1",
                    "L1:psp-1",
                    Instant.parse("2024-05-01T10:00:00Z"),
                    1000,
                    "EUR"),
                Bookings.entry(
                    tenant, "je-l3", "L3:po_1", Instant.parse("2024-05-03T10:00:00Z"), 1000, "EUR"),
                Bookings.entry(
                    tenant, "je-wo", "res-1", Instant.parse("2024-05-04T12:00:00Z"), 500, "EUR")));
  }
}
