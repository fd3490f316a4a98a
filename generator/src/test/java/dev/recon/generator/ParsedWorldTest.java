package dev.recon.generator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recon.normalization.Normalized;
import dev.recon.normalization.Normalizer;
import dev.recon.normalization.format.CanonicalSummary;
import dev.recon.normalization.format.ControlTotal;
import dev.recon.normalization.format.Format;
import dev.recon.schemas.PaymentEvent;
import dev.recon.schemas.Provenance;
import dev.recon.schemas.RecordKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every generated file goes through the real parsers as `recon inspect` would: the format is
 * detected, nothing is rejected or flagged, every record comes out with the id, amount, fee and
 * batch the generator meant, and the control totals are the generator's sums.
 */
class ParsedWorldTest {
  private static final long SEED = 20261102L;

  @TempDir Path dir;

  @Test
  void everyFileParsesWithNoErrorsNoFindingsAndTheGeneratorsTotals() throws IOException {
    System.out.println("ParsedWorldTest seed=" + SEED);
    GeneratedWorld world = World.generate(GeneratorSpec.of(SEED, 3_000));
    WorldFiles files = world.writeTo(dir);

    Map<Path, Format> formats = new HashMap<>();
    formats.put(files.expected(), Format.EXPECTED_PAYMENTS_CSV);
    files
        .psp()
        .forEach(
            f ->
                formats.put(
                    f,
                    f.getFileName().toString().startsWith("adyen")
                        ? Format.ADYEN_SETTLEMENT_DETAIL
                        : Format.STRIPE_ITEMIZED));
    files.bank().forEach(f -> formats.put(f, Format.CAMT_053));
    assertThat(files.psp()).hasSize(3);
    assertThat(files.bank()).hasSize(1);

    Map<RecordRef, CanonicalSummary> parsed = new HashMap<>();
    Map<RecordRef, PaymentEvent> events = new HashMap<>();
    Map<String, Long> parsedTotals = new TreeMap<>();
    for (Path file : files.inputs()) {
      Normalized n = new Normalizer().normalize(Files.readAllBytes(file), provenance(file), null);
      assertThat(n.format()).as(file.toString()).contains(formats.get(file));
      assertThat(n.result().errors()).as(file + " errors").isEmpty();
      assertThat(n.result().findings()).as(file + " findings").isEmpty();
      for (SpecificRecord r : n.result().records()) {
        CanonicalSummary s = CanonicalSummary.of(r);
        RecordRef ref = new RecordRef(s.recordKind(), s.recordId());
        assertThat(parsed.put(ref, s)).as("id repeats across files: " + ref).isNull();
        if (r instanceof PaymentEvent e) {
          events.put(ref, e);
        }
      }
      for (ControlTotal t : n.result().controlTotals()) {
        assertThat(t.overflowed()).isFalse();
        parsedTotals.merge(t.recordKind() + " " + t.currency(), t.amountMinor(), Long::sum);
      }
    }

    assertThat(parsed.keySet()).containsExactlyInAnyOrderElementsOf(world.records());
    Map<String, Long> generatedTotals = new TreeMap<>();
    for (ExpectedRow e : world.expected()) {
      assertThat(parsed.get(e.ref()).amountMinor()).isEqualTo(e.amountMinor());
      assertThat(parsed.get(e.ref()).currency()).isEqualTo(e.currency());
      generatedTotals.merge("EXPECTED " + e.currency(), e.amountMinor(), Long::sum);
    }
    for (PspRow r : world.pspRecords()) {
      PaymentEvent e = events.get(r.ref());
      assertThat(e).as(r.ref().toString()).isNotNull();
      assertThat(e.getType()).as(r.ref().toString()).isEqualTo(r.type());
      assertThat(e.getNetMinor()).as(r.ref() + " net").isEqualTo(r.netMinor());
      assertThat(e.getNetCurrency()).isEqualTo(r.currency());
      assertThat(e.getBatchId()).as(r.ref() + " batch").isEqualTo(r.batch());
      if (r.kind() == RecordKind.PSP_TXN) {
        assertThat(e.getGrossMinor()).as(r.ref() + " gross").isEqualTo(r.grossMinor());
        assertThat(e.getFeeMinor()).as(r.ref() + " fee").isEqualTo(r.feeMinor());
      }
      if (!r.pspReference().isEmpty()) {
        assertThat(e.getPspReference()).isEqualTo(r.pspReference());
      }
      generatedTotals.merge(r.kind() + " " + r.currency(), r.grossMinor(), Long::sum);
    }
    for (BankEntry b : world.bankEntries()) {
      assertThat(parsed.get(b.ref()).amountMinor()).isEqualTo(b.amountMinor());
      generatedTotals.merge("BANK_LINE " + b.currency(), b.amountMinor(), Long::sum);
    }
    assertThat(parsedTotals).isEqualTo(generatedTotals);
  }

  private static Provenance provenance(Path file) {
    return Provenance.newBuilder()
        .setTenantId("acme")
        .setSource("file:generator")
        .setFileName(file.getFileName().toString())
        .setContentSha256("0".repeat(64))
        .setLine(0)
        .setReceivedAt(Instant.parse("2026-12-01T00:00:00Z"))
        .build();
  }
}
