package dev.recon.normalization.bai2;

import java.util.ArrayList;
import java.util.List;

/**
 * One logical BAI2 record: its two-digit code, the line it starts on, its content after "NN," and
 * the contents of the "88" continuation records that follow it.
 */
final class Bai2Record {
  final String code;
  final int line;
  final String content;
  final List<String> continuations = new ArrayList<>();

  Bai2Record(String code, int line, String content) {
    this.code = code;
    this.line = line;
    this.content = content;
  }

  /** Physical records, for the record counts of the 49/98/99 trailers. */
  int physicalRecords() {
    return 1 + continuations.size();
  }

  /**
   * The comma-separated fields of a record whose every field is delimited ("/" ends it), with its
   * continuations appended: an 88 continues the field list where the previous record stopped.
   */
  String delimitedText() {
    StringBuilder all = new StringBuilder(withoutTerminator(content));
    for (String c : continuations) {
      all.append(',').append(withoutTerminator(c));
    }
    return all.toString();
  }

  /** The text up to the "/" that ends a record; fields after it are not part of the record. */
  static String withoutTerminator(String raw) {
    int slash = raw.indexOf('/');
    return (slash >= 0 ? raw.substring(0, slash) : raw).strip();
  }
}
