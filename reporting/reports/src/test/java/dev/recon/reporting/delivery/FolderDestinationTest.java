package dev.recon.reporting.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recon.reporting.render.ReportDocument;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderDestinationTest {

  static ReportDocument doc(String name, String text) {
    return new ReportDocument(name, ReportDocument.CSV, text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void storesUnderTenantReportAndPeriodAndAReRunReplaces(@TempDir Path root) throws Exception {
    ReportDelivery delivery = new ReportDelivery(new FolderDestination(root), Optional.empty());
    ReportBundle first =
        new ReportBundle("acme", "daily", "2026-01-31", List.of(doc("report-a.csv", "one")));

    DeliveryReceipt receipt = delivery.deliver(first, List.of());
    delivery.deliver(
        new ReportBundle("acme", "daily", "2026-01-31", List.of(doc("report-a.csv", "two"))),
        List.of());

    Path file = root.resolve("acme/daily/2026-01-31/report-a.csv");
    assertThat(receipt.storedAt()).containsExactly(file.toAbsolutePath().toString());
    assertThat(receipt.email()).isEmpty();
    assertThat(Files.readString(file)).isEqualTo("two");
    try (var listing = Files.list(file.getParent())) {
      assertThat(listing).containsExactly(file);
    }
  }

  @Test
  void refusesNamesThatWouldLeaveTheFolderAndMailWithoutAServer(@TempDir Path root) {
    assertThatThrownBy(() -> doc("../x.csv", "")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ReportBundle("acme", "..", "2026-01", List.of(doc("a.csv", ""))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new ReportBundle("../acme", "daily", "2026-01", List.of(doc("a.csv", ""))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new ReportBundle(
                    "acme", "daily", "2026-01", List.of(doc("a.csv", ""), doc("a.csv", ""))))
        .isInstanceOf(IllegalArgumentException.class);
    ReportDelivery delivery = new ReportDelivery(new FolderDestination(root), Optional.empty());
    assertThatThrownBy(
            () ->
                delivery.deliver(
                    new ReportBundle("acme", "daily", "2026-01-31", List.of(doc("a.csv", ""))),
                    List.of("finance@example.com")))
        .isInstanceOf(IllegalStateException.class);
  }
}
