package dev.recon.normalization;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.recon.normalization.csv.CsvLine;
import dev.recon.normalization.csv.CsvTokenizer;
import dev.recon.normalization.format.CanonicalSummary;
import dev.recon.normalization.format.DataQualityFinding;
import dev.recon.normalization.format.Format;
import dev.recon.normalization.format.ParseError;
import dev.recon.normalization.format.ParseResult;
import dev.recon.normalization.format.ParserLimits;
import dev.recon.schemas.Provenance;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties every parser keeps whatever it is fed: random bytes and mutated real-layout files
 * never make it throw (bad input is a ParseError, never an exception), and in files whose values
 * are garbled but whose structure stands, every entry or row ends up as a record, an error or a
 * finding: none vanishes.
 *
 * <p>Each case is a format and a seed for {@link Random}; a failure names both. The seeds are
 * fixed, so every run checks the same cases; {@code -Drecon.fuzz.seed=N} explores other seeds, and
 * {@code -Drecon.fuzz.replay=FORMAT:SEED} runs the one case a failure named.
 */
class ParsersPropertyTest {

  /** A well-formed file of each format to mutate; every format must have one. */
  private static final Map<Format, String> FIXTURES = new EnumMap<>(Format.class);

  static {
    FIXTURES.put(Format.EXPECTED_PAYMENTS_CSV, "expected/expected_basic.csv");
    FIXTURES.put(Format.ADYEN_SETTLEMENT_DETAIL, "adyen/adyen_settlement_detail_batch_501.csv");
    FIXTURES.put(Format.CAMT_053, "camt053/camt053_v02_two_statements.xml");
    FIXTURES.put(Format.STRIPE_ITEMIZED, "stripe/stripe_payout_reconciliation_itemized.csv");
    FIXTURES.put(Format.MT940, "mt940/mt940_envelope_two_messages_crlf.sta");
    FIXTURES.put(Format.BAI2, "bai2/bai2_two_accounts_crlf.txt");
    FIXTURES.put(Format.PAYPAL_STL, "paypal/paypal_stl_two_sections.csv");
    FIXTURES.put(Format.PAYPAL_TRR, "paypal/paypal_trr_two_sections_crlf.csv");
    FIXTURES.put(Format.STRIPE_WEBHOOK, "stripe/stripe_webhook_events_list_crlf.json");
    FIXTURES.put(Format.STRIPE_BALANCE_HISTORY, "stripe/stripe_balance_history.csv");
    FIXTURES.put(Format.ADYEN_WEBHOOK, "adyen/adyen_notification_batch.json");
    FIXTURES.put(Format.ADYEN_PAYMENTS_ACCOUNTING, "adyen/adyen_payments_accounting.csv");
    FIXTURES.put(Format.MTN_MOMO, "mobile_money/mtn_momo_status_batch.json");
    FIXTURES.put(Format.AIRTEL_MONEY, "mobile_money/airtel_money_callbacks.json");
    FIXTURES.put(Format.ZAMTEL_KWACHA, "mobile_money/zamtel_kwacha_status.json");
  }

  /** Small limits, so that mutated files also run into every limit check. */
  private static final ParserLimits SMALL = new ParserLimits(4096, 6, 80, 5);

  private static final String[] TOKENS = {
    "",
    " ",
    ",",
    "\"",
    "\"\"",
    "\n",
    "\r\n",
    "{",
    "}",
    "[",
    "]",
    ":",
    "-",
    ".",
    "0",
    "-1",
    "1.005",
    ".5",
    "99999999999999999999999",
    "1e400",
    "NaN",
    "null",
    "true",
    "CR",
    "DR",
    "SB",
    "SF,USD",
    "FF,1",
    "usd",
    "ZZZ",
    "JPY",
    "2026-13-45",
    "2026/02/30 25:61:61 -0800",
    "\u0000",
    "\uFFFD",
    "é",
    ":61:",
    "88,",
    "<",
    "&amp;",
    "<!DOCTYPE x [<!ENTITY a \"b\">]>"
  };

  private static final String[] VALUES = {
    "",
    "x",
    "-1",
    "0",
    "1.005",
    "12.50",
    ".91",
    "1,234.56",
    "99999999999999999999",
    "usd",
    "ZZZ",
    "JPY",
    "2026-13-45",
    "2026-02-03 10:00:00",
    "CR",
    "DR",
    "XX",
    "S",
    "P",
    "Q",
    "T0006",
    "T1107",
    "T9999",
    "charge",
    "refund",
    "payout",
    "Settled",
    "Refunded",
    "Mystery",
    "CET",
    "PDT",
    "a\"b",
    "a,b"
  };

  private static final String[] JSON_VALUES = {
    "null",
    "\"\"",
    "\"x\"",
    "0",
    "-1",
    "12.5",
    "1e3",
    "99999999999999999999",
    "true",
    "{}",
    "[]",
    "\"100.505\"",
    "\"-5\"",
    "\"usd\"",
    "\"ZZZ\"",
    "\"SUCCESSFUL\"",
    "\"FAILED\"",
    "\"TS\"",
    "\"charge.succeeded\"",
    "\"CAPTURE\"",
    "\"true\"",
    "\"2026-13-45T00:00:00+01:00\"",
    "1748465448"
  };

  /** Base of the per-case seeds; override to explore, keep the default for repeatable builds. */
  private static final long BASE_SEED = Long.getLong("recon.fuzz.seed", 0x5EC0_2026_1125L);

  /** Cases per format; about 1,600 in all, a few seconds on a loaded 2-core machine. */
  private static final int RANDOM_BYTES_CASES = 20;

  private static final int TOKEN_SOUP_CASES = 20;
  private static final int MUTATED_FILE_CASES = 27;
  private static final int GARBLED_CSV_CASES = 50;
  private static final int GARBLED_JSON_CASES = 75;

  private static final int MAX_RANDOM_BYTES = 3000;
  private static final int MAX_TOKENS = 200;

  private static final List<Format> CSV_FORMATS =
      List.of(
          Format.EXPECTED_PAYMENTS_CSV,
          Format.ADYEN_SETTLEMENT_DETAIL,
          Format.STRIPE_ITEMIZED,
          Format.STRIPE_BALANCE_HISTORY,
          Format.PAYPAL_STL,
          Format.PAYPAL_TRR);

  private static final List<Format> JSON_FORMATS =
      List.of(Format.STRIPE_WEBHOOK, Format.ADYEN_WEBHOOK, Format.MTN_MOMO, Format.AIRTEL_MONEY);

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The cases of one property: every format in {@code formats} times {@code perFormat} seeds. */
  static Stream<Arguments> cases(List<Format> formats, int perFormat) {
    String replay = System.getProperty("recon.fuzz.replay");
    if (replay != null && !replay.isBlank()) {
      String[] parts = replay.strip().split(":", 2);
      Format format = Format.valueOf(parts[0]);
      return formats.contains(format)
          ? Stream.of(Arguments.of(format, Long.parseLong(parts[1])))
          : Stream.empty();
    }
    return formats.stream()
        .flatMap(
            format ->
                IntStream.range(0, perFormat).mapToObj(i -> Arguments.of(format, seed(format, i))));
  }

  /** A well-spread seed per (format, case), stable across runs for a given base. */
  private static long seed(Format format, int index) {
    long z = BASE_SEED + 0x9E3779B97F4A7C15L * (format.ordinal() * 1_000L + index + 1);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  static Stream<Arguments> randomBytesCases() {
    return cases(List.of(Format.values()), RANDOM_BYTES_CASES);
  }

  static Stream<Arguments> tokenSoupCases() {
    return cases(List.of(Format.values()), TOKEN_SOUP_CASES);
  }

  static Stream<Arguments> mutatedFileCases() {
    return cases(List.of(Format.values()), MUTATED_FILE_CASES);
  }

  static Stream<Arguments> garbledCsvCases() {
    return cases(CSV_FORMATS, GARBLED_CSV_CASES);
  }

  static Stream<Arguments> garbledJsonCases() {
    return cases(JSON_FORMATS, GARBLED_JSON_CASES);
  }

  /** A property body that may throw; whatever it throws is reported with its format and seed. */
  @FunctionalInterface
  interface Body {
    void run(Random random) throws Exception;
  }

  private static void check(Format format, long seed, Body body) {
    try {
      body.run(new Random(seed));
    } catch (Throwable t) {
      throw new AssertionError(
          "format="
              + format
              + " seed="
              + seed
              + " (replay with -Drecon.fuzz.replay="
              + format
              + ":"
              + seed
              + "): "
              + t,
          t);
    }
  }

  @Test
  void everyFormatHasAFixtureOfItsLayout() {
    assertThat(FIXTURES.keySet()).containsExactlyInAnyOrder(Format.values());
    FIXTURES.forEach(
        (format, path) ->
            assertThat(
                    Parsers.forFormat(format).parse(Fixtures.bytes(path), provenance()).records())
                .as(path)
                .isNotEmpty());
  }

  @Test
  void everyPropertyCoversEveryFormatItClaims() {
    assertThat(randomBytesCases()).hasSize(Format.values().length * RANDOM_BYTES_CASES);
    assertThat(garbledCsvCases()).hasSize(CSV_FORMATS.size() * GARBLED_CSV_CASES);
    assertThat(seed(Format.BAI2, 0)).isNotEqualTo(seed(Format.BAI2, 1));
  }

  @ParameterizedTest(name = "{0} seed={1}")
  @MethodSource("randomBytesCases")
  void randomBytesNeverThrow(Format format, long seed) {
    check(
        format,
        seed,
        random -> {
          byte[] bytes = randomBytes(random);
          checkShape(Parsers.forFormat(format).parse(bytes, provenance()));
          checkShape(Parsers.forFormat(format, SMALL).parse(bytes, provenance()));
          checkShape(new Normalizer().normalize(bytes, provenance(), null).result());
          checkShape(new Normalizer().normalize(bytes, provenance(), format.cliName()).result());
        });
  }

  @ParameterizedTest(name = "{0} seed={1}")
  @MethodSource("tokenSoupCases")
  void randomTextNeverThrows(Format format, long seed) {
    check(
        format,
        seed,
        random -> {
          StringBuilder text = new StringBuilder();
          int tokens = random.nextInt(MAX_TOKENS + 1);
          for (int t = 0; t < tokens; t++) {
            text.append(TOKENS[random.nextInt(TOKENS.length)]);
          }
          byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
          checkShape(Parsers.forFormat(format).parse(bytes, provenance()));
          checkShape(Parsers.forFormat(format, SMALL).parse(bytes, provenance()));
          checkShape(new Normalizer().normalize(bytes, provenance(), null).result());
        });
  }

  @ParameterizedTest(name = "{0} seed={1}")
  @MethodSource("mutatedFileCases")
  void mutatedFilesNeverThrow(Format format, long seed) {
    check(
        format,
        seed,
        random -> {
          byte[] mutated = mutate(fixture(format), random);
          checkShape(Parsers.forFormat(format).parse(mutated, provenance()));
          checkShape(Parsers.forFormat(format, SMALL).parse(mutated, provenance()));
          checkShape(new Normalizer().normalize(mutated, provenance(), null).result());
          checkShape(new Normalizer(SMALL).normalize(mutated, provenance(), null).result());
        });
  }

  @ParameterizedTest(name = "{0} seed={1}")
  @MethodSource("garbledCsvCases")
  void everyCsvRowWithGarbledValuesIsARecordAnErrorOrAFinding(Format format, long seed) {
    check(format, seed, random -> garbledCsvRowsAreAccounted(format, random));
  }

  private static void garbledCsvRowsAreAccounted(Format format, Random random) {
    String text = new String(fixture(format), StandardCharsets.UTF_8);
    Predicate<List<String>> isEntry =
        format == Format.PAYPAL_STL || format == Format.PAYPAL_TRR
            ? fields -> fields.get(0).strip().equals("SB")
            : fields -> true;
    boolean headerRow = !(format == Format.PAYPAL_STL || format == Format.PAYPAL_TRR);
    StringBuilder out = new StringBuilder();
    List<Integer> entryLines = new ArrayList<>();
    CsvTokenizer tokenizer = new CsvTokenizer(text.replace("\r\n", "\n"), 1 << 20);
    for (CsvLine line = tokenizer.next(); line != null; line = tokenizer.next()) {
      List<String> fields = new ArrayList<>(((CsvLine.Row) line).fields());
      boolean entry = !(headerRow && line.line() == 1) && isEntry.test(fields);
      if (entry) {
        entryLines.add(line.line());
        int first = format == Format.PAYPAL_STL || format == Format.PAYPAL_TRR ? 1 : 0;
        int changes = random.nextInt(3);
        for (int c = 0; c < changes && fields.size() > first; c++) {
          int at = first + random.nextInt(fields.size() - first);
          fields.set(at, VALUES[random.nextInt(VALUES.length)]);
        }
      }
      out.append(csvLine(fields)).append('\n');
    }
    assertThat(entryLines).as("entry rows in the fixture").isNotEmpty();
    ParseResult result =
        Parsers.forFormat(format)
            .parse(out.toString().getBytes(StandardCharsets.UTF_8), provenance());
    checkShape(result);
    assertThat(accountedLines(result)).containsAll(entryLines);
  }

  @ParameterizedTest(name = "{0} seed={1}")
  @MethodSource("garbledJsonCases")
  void everyJsonEntryWithGarbledValuesIsARecordAnErrorOrAFinding(Format format, long seed) {
    check(format, seed, random -> garbledJsonEntriesAreAccounted(format, random));
  }

  private static void garbledJsonEntriesAreAccounted(Format format, Random random)
      throws IOException {
    JsonNode root = JSON.readTree(fixture(format));
    ArrayNode entries =
        switch (format) {
          case STRIPE_WEBHOOK -> (ArrayNode) root.get("data");
          case ADYEN_WEBHOOK -> (ArrayNode) root.get("notificationItems");
          default -> (ArrayNode) root;
        };
    assertThat(entries).as("entries in the fixture").isNotEmpty();
    for (JsonNode entry : entries) {
      int changes = random.nextInt(3);
      for (int c = 0; c < changes; c++) {
        garble(entry, random);
      }
    }
    ParseResult result =
        Parsers.forFormat(format).parse(JSON.writeValueAsBytes(root), provenance());
    checkShape(result);
    Set<Integer> accounted = accountedLines(result);
    for (int i = 1; i <= entries.size(); i++) {
      assertThat(accounted).as("entry %d", i).contains(i);
    }
  }

  /**
   * Random bytes of a random length, from empty to {@link #MAX_RANDOM_BYTES}; short inputs and
   * printable ASCII are favoured, as they reach further into the parsers than pure noise.
   */
  private static byte[] randomBytes(Random random) {
    int length =
        switch (random.nextInt(4)) {
          case 0 -> random.nextInt(2);
          case 1 -> random.nextInt(32);
          default -> random.nextInt(MAX_RANDOM_BYTES + 1);
        };
    byte[] bytes = new byte[length];
    if (random.nextBoolean()) {
      random.nextBytes(bytes);
    } else {
      for (int i = 0; i < length; i++) {
        bytes[i] = (byte) (random.nextInt(8) == 0 ? random.nextInt(256) : 32 + random.nextInt(95));
      }
    }
    return bytes;
  }

  private static byte[] fixture(Format format) {
    String path = FIXTURES.get(format);
    if (path == null) {
      throw new AssertionError("no fixture for format " + format + ": add one to FIXTURES");
    }
    return Fixtures.bytes(path);
  }

  /** Replaces or removes one random member somewhere inside {@code node}. */
  private static void garble(JsonNode node, Random random) {
    JsonNode target = node;
    for (int depth = 0; depth < 4 && target.isContainerNode() && target.size() > 0; depth++) {
      if (!(target instanceof ObjectNode object)) {
        break;
      }
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      String name = names.get(random.nextInt(names.size()));
      JsonNode child = object.get(name);
      if (!child.isContainerNode() || random.nextInt(3) == 0) {
        if (random.nextInt(4) == 0) {
          object.remove(name);
        } else {
          object.set(name, parseJson(JSON_VALUES[random.nextInt(JSON_VALUES.length)]));
        }
        return;
      }
      target = child;
    }
  }

  private static JsonNode parseJson(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Set<Integer> accountedLines(ParseResult result) {
    Set<Integer> lines = new HashSet<>();
    result.records().forEach(r -> lines.add(CanonicalSummary.of(r).line()));
    result.errors().stream().map(ParseError::line).forEach(lines::add);
    result.findings().stream().map(DataQualityFinding::line).forEach(lines::add);
    return lines;
  }

  /** What any result must look like: canonical records, located errors. */
  private static void checkShape(ParseResult result) {
    result.records().forEach(r -> assertThat(CanonicalSummary.of(r).line()).isNotNegative());
    for (ParseError e : result.errors()) {
      assertThat(e.reason()).isNotBlank();
      assertThat(e.fileName()).isEqualTo("fuzz.bin");
    }
  }

  private static byte[] mutate(byte[] original, Random random) {
    byte[] bytes = original;
    int mutations = 1 + random.nextInt(8);
    for (int m = 0; m < mutations && bytes.length > 0; m++) {
      int at = random.nextInt(bytes.length);
      ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + 64);
      switch (random.nextInt(5)) {
        case 0 -> {
          bytes = bytes.clone();
          bytes[at] = (byte) random.nextInt(256);
          continue;
        }
        case 1 -> {
          int end = Math.min(bytes.length, at + 1 + random.nextInt(40));
          out.write(bytes, 0, at);
          out.write(bytes, end, bytes.length - end);
        }
        case 2 -> {
          out.write(bytes, 0, at);
          byte[] token = TOKENS[random.nextInt(TOKENS.length)].getBytes(StandardCharsets.UTF_8);
          out.write(token, 0, token.length);
          out.write(bytes, at, bytes.length - at);
        }
        case 3 -> {
          int end = Math.min(bytes.length, at + 1 + random.nextInt(200));
          out.write(bytes, 0, end);
          out.write(bytes, at, bytes.length - at);
        }
        default -> out.write(bytes, 0, at);
      }
      bytes = out.toByteArray();
    }
    return bytes;
  }

  private static String csvLine(List<String> fields) {
    StringBuilder line = new StringBuilder();
    for (Iterator<String> it = fields.iterator(); it.hasNext(); ) {
      String f = it.next();
      line.append(f.contains(",") || f.contains("\"") ? "\"" + f.replace("\"", "\"\"") + "\"" : f);
      if (it.hasNext()) {
        line.append(',');
      }
    }
    return line.toString();
  }

  private static Provenance provenance() {
    return Fixtures.provenance("fuzz.bin");
  }
}
