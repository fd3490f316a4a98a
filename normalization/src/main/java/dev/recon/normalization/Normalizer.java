package dev.recon.normalization;

import dev.recon.normalization.format.Format;
import dev.recon.normalization.format.FormatDetector;
import dev.recon.normalization.format.ParseResult;
import dev.recon.normalization.format.ParserLimits;
import dev.recon.schemas.Provenance;
import java.util.Arrays;
import java.util.Optional;

/**
 * Normalizes one file: a forced format if given, else the detected one, then that format's parser.
 * Shared by the Flink job and the command line so both treat a file the same way. Oversized
 * payloads, unknown format names and unrecognised content come back as errors, not exceptions.
 */
public final class Normalizer {
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
    return new Normalized(
        format, Parsers.forFormat(format.get(), limits).parse(payload, provenance));
  }
}
