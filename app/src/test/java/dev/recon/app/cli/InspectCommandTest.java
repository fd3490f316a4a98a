package dev.recon.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recon.app.demo.DemoDataGenerator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code recon inspect}: canonical JSON lines on stdout, totals and errors on stderr. */
class InspectCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void printsOneJsonLinePerCanonicalRecordWithTheContractFields(@TempDir Path dir)
      throws Exception {
    DemoDataGenerator.TenantFiles files =
        DemoDataGenerator.write(
            new DemoDataGenerator.Scenario(
                "t1", "Shop", 3L, LocalDate.parse("2026-03-02"), 2, false),
            dir);
    CliRun run = CliRun.of("inspect", files.psp().toString());
    assertThat(run.exitCode()).as(run.toString()).isZero();
    List<JsonNode> records = new ArrayList<>();
    for (String line : run.out().strip().split("\n")) {
      records.add(JSON.readTree(line));
    }
    // 2 captures per currency, a refund, a chargeback, a cost row and one payout per currency.
    assertThat(records).hasSize(4 + 3 + 2);
    for (JsonNode r : records) {
      assertThat(r.has("record_kind") && r.has("type") && r.has("record_id")).isTrue();
      assertThat(r.has("currency") && r.has("amount_minor") && r.has("fee_minor")).isTrue();
      assertThat(r.has("payout_id") && r.has("event_date") && r.has("source_line")).isTrue();
    }
    JsonNode refund = find(records, "REFUND");
    assertThat(refund.get("record_kind").asText()).isEqualTo("PSP_TXN");
    assertThat(refund.get("amount_minor").asLong()).isEqualTo(-1500);
    JsonNode chargeback = find(records, "CHARGEBACK");
    assertThat(chargeback.get("amount_minor").asLong()).isEqualTo(-2500);
    assertThat(chargeback.get("fee_minor").asLong()).isEqualTo(750);
    assertThat(records.stream().filter(r -> r.get("record_kind").asText().equals("PAYOUT")))
        .allSatisfy(p -> assertThat(p.get("amount_minor").asLong()).isPositive())
        .hasSize(2);
    assertThat(run.err()).contains("format: adyen-settlement-detail").contains("errors: 0");
  }

  @Test
  void badRowsGoToStderrWithFileLineAndField(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("expected.csv");
    Files.writeString(
        file,
        "expected_id,merchant_reference,psp,amount,currency,expected_at\n"
            + "e1,ORD-1,adyen,10.00,EUR,2026-10-05\n"
            + "e2,ORD-2,adyen,10.001,EUR,2026-10-05\n",
        StandardCharsets.UTF_8);
    CliRun run = CliRun.of("inspect", file.toString());
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out().strip().split("\n")).hasSize(1);
    assertThat(run.err()).contains("expected.csv").contains("3").contains("amount");
  }

  @Test
  void anUnknownFormatIsNamedAndExitsNonZero(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("notes.txt");
    Files.writeString(file, "dear diary\n", StandardCharsets.UTF_8);
    CliRun run = CliRun.of("inspect", file.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("notes.txt").contains("unknown format");

    CliRun forced = CliRun.of("inspect", file.toString(), "--format", "no-such-format");
    assertThat(forced.exitCode()).isEqualTo(1);
    assertThat(forced.err()).contains("no-such-format").contains("camt053");
  }

  private static JsonNode find(List<JsonNode> records, String type) {
    return records.stream()
        .filter(r -> r.get("type").asText().equals(type))
        .findFirst()
        .orElseThrow();
  }
}
