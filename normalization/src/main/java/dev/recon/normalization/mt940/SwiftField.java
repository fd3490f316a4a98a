package dev.recon.normalization.mt940;

/**
 * One tagged field of a SWIFT message block 4 (":61:..." and its continuation lines).
 *
 * @param tag the tag without colons, e.g. "61" or "60F"
 * @param lines the value's physical lines, the first one without its tag
 * @param line the 1-based physical line the tag starts on
 */
record SwiftField(String tag, java.util.List<String> lines, int line) {

  SwiftField {
    lines = java.util.List.copyOf(lines);
  }

  /** The value with its physical lines joined by newlines, as SWIFT field parsers expect. */
  String value() {
    return String.join("\n", lines);
  }
}
