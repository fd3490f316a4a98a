package dev.recon.reporting.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.robothy.s3.rest.LocalS3;
import com.robothy.s3.rest.bootstrap.LocalS3Mode;
import dev.recon.reporting.render.ReportDocument;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

@Timeout(60)
class S3DestinationIT {

  static final String BUCKET = "recon-reports";

  static LocalS3 localS3;
  static S3Client s3;

  @BeforeAll
  static void start() throws Exception {
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
  static void stop() {
    if (s3 != null) {
      s3.close();
    }
    if (localS3 != null) {
      localS3.shutdown();
    }
  }

  @Test
  void storesEachDocumentUnderThePrefixWithItsMediaType() throws Exception {
    byte[] pdf = "%PDF-1.4 test".getBytes(StandardCharsets.US_ASCII);
    ReportBundle bundle =
        new ReportBundle(
            "acme",
            "month-end",
            "2026-01",
            List.of(
                new ReportDocument("month-end-2026-01.pdf", ReportDocument.PDF, pdf),
                new ReportDocument(
                    "month-end-2026-01-fees.csv",
                    ReportDocument.CSV,
                    "psp\n".getBytes(StandardCharsets.UTF_8))));

    DeliveryReceipt receipt =
        new ReportDelivery(new S3Destination(s3, BUCKET, "reports/"), Optional.empty())
            .deliver(bundle, List.of());

    assertThat(receipt.storedAt())
        .containsExactly(
            "s3://recon-reports/reports/acme/month-end/2026-01/month-end-2026-01.pdf",
            "s3://recon-reports/reports/acme/month-end/2026-01/month-end-2026-01-fees.csv");
    ResponseBytes<GetObjectResponse> object =
        s3.getObjectAsBytes(
            g -> g.bucket(BUCKET).key("reports/acme/month-end/2026-01/month-end-2026-01.pdf"));
    assertThat(object.asByteArray()).isEqualTo(pdf);
    assertThat(object.response().contentType()).isEqualTo(ReportDocument.PDF);
  }
}
