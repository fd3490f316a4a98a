package dev.recon.reporting.export;

import static dev.recon.reporting.export.Bookings.capture;
import static org.assertj.core.api.Assertions.assertThat;

import com.robothy.s3.rest.LocalS3;
import com.robothy.s3.rest.bootstrap.LocalS3Mode;
import dev.recon.ledger.db.EmbeddedLedger;
import dev.recon.ledger.db.LedgerWriter;
import dev.recon.reporting.export.LedgerExport.Dataset;
import dev.recon.reporting.export.destination.ExportTarget;
import dev.recon.reporting.export.destination.S3Target;
import dev.recon.reporting.export.evidence.EvidenceKey;
import dev.recon.reporting.export.evidence.EvidencePackReader;
import dev.recon.reporting.export.evidence.EvidencePacks;
import dev.recon.reporting.export.evidence.EvidenceSubject;
import dev.recon.reporting.export.evidence.LedgerEvidence;
import dev.recon.reporting.export.evidence.PackReading;
import dev.recon.reporting.export.evidence.StoredPack;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

@Timeout(120)
class S3ExportIT {

  static final String BUCKET = "recon-exports";

  @TempDir static Path dir;
  static EmbeddedLedger db;
  static LocalS3 localS3;
  static S3Client s3;

  @BeforeAll
  static void start() throws Exception {
    db = EmbeddedLedger.start(dir.resolve("pg"), "recon_export_it", owner -> {});
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    localS3 = LocalS3.builder().port(port).mode(LocalS3Mode.IN_MEMORY).build();
    localS3.start();
    // the local stand-in, addressed as the app's StorageLocation addresses an S3-compatible store
    s3 =
        S3Client.builder()
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .endpointOverride(URI.create("http://127.0.0.1:" + port))
            .forcePathStyle(true)
            .build();
    s3.createBucket(b -> b.bucket(BUCKET));
  }

  @AfterAll
  static void stop() throws Exception {
    if (s3 != null) {
      s3.close();
    }
    if (localS3 != null) {
      localS3.shutdown();
    }
    db.close();
  }

  @Test
  void exportsToS3IncrementallyAndTheFilesMatchTheirManifest(@TempDir Path download)
      throws Exception {
    String tenant = "s3-acme";
    new LedgerWriter(db.app())
        .write(
            List.of(
                capture(tenant, "k1", Instant.parse("2024-05-01T10:00:00Z"), 300, "EUR"),
                capture(tenant, "k2", Instant.parse("2024-05-03T10:00:00Z"), 20, "GBP")));
    new LedgerWriter(db.app())
        .write(List.of(capture("s3-other", "o1", Instant.parse("2024-05-01T10:00:00Z"), 1, "EUR")));
    ExportTarget target = new S3Target(s3, BUCKET, "analytics/");
    LedgerExport export =
        new LedgerExport(db.app(), LedgerExportIT.CLOCK, LedgerExportIT.SMALL_FILES);

    ExportRun run =
        export.run(tenant, EnumSet.of(Dataset.POSTINGS), EnumSet.of(ExportFormat.PARQUET), target);
    ExportManifest manifest = run.written().get(0);
    assertThat(manifest.rows()).isEqualTo(4);

    List<String> keys = target.list("postings/");
    assertThat(keys)
        .containsExactly(
            "postings/_manifests/tenant=s3-acme/run-00000001.json",
            "postings/tenant=s3-acme/date=2024-05-01/part-00000001-00000.parquet",
            "postings/tenant=s3-acme/date=2024-05-03/part-00000001-00000.parquet");
    assertThat(s3.listObjectsV2(b -> b.bucket(BUCKET).prefix("analytics/postings/")).contents())
        .hasSize(3);
    for (ManifestFile f : manifest.files()) {
      byte[] bytes = target.read(f.path(), f.bytes()).orElseThrow();
      assertThat(Sha256.of(bytes)).isEqualTo(f.sha256());
      Path local = download.resolve(f.path());
      Files.createDirectories(local.getParent());
      Files.write(local, bytes);
    }
    assertThat(
            LedgerExportIT.duckTotals(
                "read_parquet('"
                    + download
                    + "/postings/*/*/*.parquet', hive_partitioning = true)"))
        .usingRecursiveComparison()
        .isEqualTo(LedgerExportIT.ledgerTotals(tenant, db));

    assertThat(
            export
                .run(tenant, EnumSet.of(Dataset.POSTINGS), EnumSet.of(ExportFormat.PARQUET), target)
                .written())
        .isEmpty();
    assertThat(target.list("postings/")).hasSize(3);
  }

  @Test
  void storesAnEvidencePackThatReadsBackVerified() throws Exception {
    String tenant = "s3-pack";
    new LedgerWriter(db.app())
        .write(List.of(capture(tenant, "p1", Instant.parse("2024-05-10T10:00:00Z"), 42, "EUR")));
    ExportTarget target = new S3Target(s3, BUCKET, "packs/");
    EvidenceKey key = new EvidenceKey("k/1", new byte[32]);
    StoredPack stored =
        new EvidencePacks(db.app(), List.of(new LedgerEvidence()), LedgerExportIT.CLOCK)
            .build(
                tenant,
                new EvidenceSubject.Period(
                    LocalDate.parse("2024-05-10"), LocalDate.parse("2024-05-10")),
                key,
                target);
    byte[] bytes = target.read(stored.key(), EvidencePackReader.MAX_PACK_BYTES).orElseThrow();
    assertThat(Sha256.of(bytes)).isEqualTo(stored.sha256());
    PackReading reading = EvidencePackReader.open(bytes, key);
    assertThat(reading).isInstanceOf(PackReading.Opened.class);
    assertThat(
            new String(
                ((PackReading.Opened) reading).entries().get("ledger/journal.csv"),
                StandardCharsets.UTF_8))
        .contains("p1,2024-05-10T10:00:00Z,psp_receivable:adyen,42,0,EUR");
  }
}
