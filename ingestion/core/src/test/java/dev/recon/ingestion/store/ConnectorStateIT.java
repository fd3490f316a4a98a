package dev.recon.ingestion.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recon.ingestion.publish.PublishReceipt;
import dev.recon.ingestion.testing.EmbeddedConnectorState;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectorStateIT {

  @TempDir static Path dir;
  static EmbeddedConnectorState db;
  static TenantTransactions tx;

  @BeforeAll
  static void start() throws Exception {
    db = EmbeddedConnectorState.start(dir.resolve("pg"));
    tx = new TenantTransactions(db.app());
  }

  @AfterAll
  static void stop() throws Exception {
    db.close();
  }

  @Test
  void migrationIsIdempotent() {
    assertThat(IngestionDatabase.migrate(db.owner())).isZero();
  }

  @Test
  void offsetsRoundTripAndAreOverwritten() {
    ConnectorOffsets offsets = new ConnectorOffsets(tx);
    assertThat(offsets.load("acme", "sftp-adyen", "/in")).isEmpty();
    offsets.save("acme", "sftp-adyen", "/in", Map.of("path", "/in/a.csv", "offset", "10"));
    offsets.save("acme", "sftp-adyen", "/in", Map.of("path", "/in/b.csv", "offset", "0"));
    assertThat(offsets.load("acme", "sftp-adyen", "/in"))
        .contains(Map.of("path", "/in/b.csv", "offset", "0"));
  }

  @Test
  void anotherTenantCannotSeeOffsetsOrPublications() {
    ConnectorOffsets offsets = new ConnectorOffsets(tx);
    offsets.save("tenant-a", "imap", "INBOX", Map.of("uidvalidity", "7", "uid", "42"));
    PublishedObjects published = new PublishedObjects(tx);
    published.record("tenant-a", "webhook:stripe", "evt_1", new PublishReceipt("raw-1", "t", 0, 5));

    assertThat(offsets.load("tenant-b", "imap", "INBOX")).isEmpty();
    assertThat(published.find("tenant-b", "webhook:stripe", "evt_1")).isEmpty();
    assertThat(published.find("tenant-a", "webhook:stripe", "evt_1"))
        .contains(new PublishReceipt("raw-1", "t", 0, 5));
  }

  @Test
  void aSecondPublicationOfTheSameObjectIsNotRecorded() {
    PublishedObjects published = new PublishedObjects(tx);
    assertThat(published.record("acme", "sftp", "sha-1", new PublishReceipt("raw-1", "t", 0, 1)))
        .isTrue();
    assertThat(published.record("acme", "sftp", "sha-1", new PublishReceipt("raw-2", "t", 0, 2)))
        .isFalse();
    assertThat(published.find("acme", "sftp", "sha-1").orElseThrow().rawId()).isEqualTo("raw-1");
  }

  @Test
  void auditIsAppendOnlyAndTenantScoped() throws SQLException {
    ConnectorAuditLog audit = new ConnectorAuditLog(tx);
    audit.record(
        new AuditEntry("acme", "webhook", "receive", "POST /x", AuditOutcome.REJECTED, "bad sig"));
    audit.record(
        new AuditEntry(
            ConnectorAuditLog.UNKNOWN_TENANT,
            "webhook",
            "receive",
            "/y",
            AuditOutcome.REJECTED,
            ""));
    assertThat(audit.recent("acme", 10)).extracting(AuditEntry::detail).containsExactly("bad sig");
    assertThat(audit.recent("other", 10)).isEmpty();

    assertRejected(db.app(), "acme", "update ingestion.connector_audit set detail = 'x'");
    assertRejected(db.app(), "acme", "delete from ingestion.connector_audit");
    assertRejected(db.owner(), null, "update ingestion.connector_audit set detail = 'x'");
    assertRejected(db.owner(), null, "truncate ingestion.connector_audit");
  }

  @Test
  void theAppRoleCannotWriteRowsOfAnotherTenant() {
    assertRejected(
        db.app(),
        "acme",
        "insert into ingestion.connector_offsets (tenant_id, connector_id, partition_key,"
            + " offset_map) values ('evil', 'c', 'p', '{}')");
    assertRejected(
        db.app(),
        "acme",
        "insert into ingestion.published_objects (tenant_id, source, dedupe_key, raw_id,"
            + " kafka_topic, kafka_partition, kafka_offset) values ('evil','s','k','r','t',0,0)");
  }

  @Test
  void theAppRoleSeesNothingWithoutATenantAndCannotAlterTables() throws SQLException {
    new ConnectorOffsets(tx).save("acme", "c", "p", Map.of("k", "v"));
    try (Connection c = db.app().getConnection();
        Statement s = c.createStatement();
        var rs = s.executeQuery("select count(*) from ingestion.connector_offsets")) {
      rs.next();
      assertThat(rs.getLong(1)).isZero();
    }
    assertRejected(
        db.app(), null, "alter table ingestion.connector_offsets disable row level security");
  }

  @Test
  void aRoleThatBypassesRowLevelSecurityIsRefused() {
    TenantTransactions asOwner = new TenantTransactions(db.owner());
    assertThatThrownBy(() -> new ConnectorOffsets(asOwner).load("acme", "c", "p"))
        .hasMessageContaining("application role");
  }

  private static void assertRejected(DataSource ds, String tenant, String sql) {
    assertThatThrownBy(
            () -> {
              try (Connection c = ds.getConnection();
                  Statement s = c.createStatement()) {
                c.setAutoCommit(false);
                if (tenant != null) {
                  s.execute("select set_config('app.tenant_id', '" + tenant + "', true)");
                }
                s.execute(sql);
                c.commit();
              }
            })
        .isInstanceOf(SQLException.class);
  }
}
