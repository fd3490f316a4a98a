package dev.recon.normalization;

import dev.recon.normalization.format.DataQualityFinding;
import dev.recon.normalization.format.Format;
import dev.recon.normalization.format.FormatDetector;
import dev.recon.normalization.format.ParseResult;
import dev.recon.normalization.format.ParserLimits;
import dev.recon.normalization.format.RecordParser;
import dev.recon.normalization.format.RecordSink;
import dev.recon.schemas.Provenance;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;

/**
 * Normalizes one file: a forced format if given, else the detected one, then that format's parser.
 * Shared by the Flink job and the command line so both treat a file the same way. Oversized
 * payloads, unknown format names and unrecognised content come back as errors, not exceptions.
 */
public final class Normalizer {

  /**
   * Raw records whose source ends with this (e.g. {@code webhook:mtn-momo:unconfirmed}) are
   * unsigned callbacks that only count once the provider's status API confirms them: their records
   * are reported, not booked. The webhook receiver marks them so (a contract between the two).
   */
  public static final String UNCONFIRMED_SOURCE_SUFFIX = ":unconfirmed";

  /** Finding code of a record withheld because its callback is unconfirmed. */
  public static final String UNCONFIRMED_CALLBACK = "UNCONFIRMED_CALLBACK";

  private final ParserLimits limits;

  public Normalizer() {
    this(ParserLimits.DEFAULT);
  }

  public Normalizer(ParserLimits limits) {
    this.limits = limits;
  }

  /**
   * @param formatHint a {@link Format#fromName} name forcing the format, or null to detect it
   */
  public Normalized normalize(byte[] payload, Provenance provenance, String formatHint) {
    List<SpecificRecord> records = new ArrayList<>();
    Normalized streamed = normalize(payload, provenance, formatHint, records::add);
    return new Normalized(streamed.format(), streamed.result().withRecords(records));
  }

  /**
   * Normalizes the file, handing each record to {@code sink} as it is parsed; the result carries
   * the errors, findings and control totals, and no records. Records of an unconfirmed callback
   * never reach the sink: they become findings.
   *
   * @param formatHint a {@link Format#fromName} name forcing the format, or null to detect it
   */
  public Normalized normalize(
      byte[] payload, Provenance provenance, String formatHint, RecordSink sink) {
    Optional<String> tooLarge = limits.payloadOverLimit(payload.length);
    if (tooLarge.isPresent()) {
      return new Normalized(
          Optional.empty(), ParseResult.fileError(provenance, null, tooLarge.get()));
    }
    Optional<Format> format;
    if (formatHint != null && !formatHint.isBlank()) {
      format = Format.fromName(formatHint);
      if (format.isEmpty()) {
        return new Normalized(
            Optional.empty(),
            ParseResult.fileError(
                provenance,
                null,
                "unknown format name: "
                    + formatHint.strip()
                    + " (known: "
                    + String.join(", ", Format.cliNames())
                    + ")"));
      }
    } else {
      byte[] head = Arrays.copyOf(payload, Math.min(payload.length, FormatDetector.HEAD_BYTES));
      format = FormatDetector.detect(head);
      if (format.isEmpty()) {
        return new Normalized(
            Optional.empty(),
            ParseResult.fileError(
                provenance,
                null,
                FormatDetector.unknownFormatMessage(ParseResult.fileNameOf(provenance), head)));
      }
    }
    RecordParser parser = Parsers.forFormat(format.get(), limits);
    if (isUnconfirmed(provenance)) {
      List<SpecificRecord> withheld = new ArrayList<>();
      ParseResult parsed = parser.parse(payload, provenance, withheld::add);
      return new Normalized(format, withheld(parsed, withheld, provenance));
    }
    return new Normalized(format, parser.parse(payload, provenance, sink));
  }

  static boolean isUnconfirmed(Provenance provenance) {
    String source = provenance.getSource();
    return source != null && source.endsWith(UNCONFIRMED_SOURCE_SUFFIX);
  }

  /** The same result with every record turned into a finding: nothing of it is booked. */
  private static ParseResult withheld(
      ParseResult parsed, List<SpecificRecord> records, Provenance provenance) {
    List<DataQualityFinding> findings = new ArrayList<>(parsed.findings());
    for (SpecificRecord r : records) {
      findings.add(
          new DataQualityFinding(
              ParseResult.fileNameOf(provenance),
              provenance.getLine(),
              UNCONFIRMED_CALLBACK,
              "not booked until the provider's status API confirms it: "
                  + r.getSchema().getName()
                  + " "
                  + idOf(r)));
    }
    return new ParseResult(List.of(), parsed.errors(), findings, List.of());
  }

  private static String idOf(SpecificRecord r) {
    for (String field : List.of("psp_reference", "expected_id", "entry_reference")) {
      if (r.getSchema().getField(field) != null) {
        return String.valueOf(r.get(r.getSchema().getField(field).pos()));
      }
    }
    return "";
  }
}
