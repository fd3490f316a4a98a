package dev.recon.normalization.bai2;

/**
 * Reads the comma-separated fields of a BAI2 record one at a time. A "/" ends the record: fields
 * after it read as empty. The free text of a 16 record is whatever remains, commas included.
 */
final class FieldCursor {
  private final String s;
  private int pos;
  private boolean ended;

  FieldCursor(String s) {
    this.s = s;
  }

  String next() {
    if (ended || pos > s.length()) {
      return "";
    }
    int start = pos;
    while (pos < s.length() && s.charAt(pos) != ',' && s.charAt(pos) != '/') {
      pos++;
    }
    String field = s.substring(start, pos).strip();
    if (pos >= s.length() || s.charAt(pos) == '/') {
      ended = true;
    }
    pos++;
    return field;
  }

  boolean ended() {
    return ended || pos > s.length();
  }

  /** The rest of the record as free text, without the "/" that may end it. */
  String rest() {
    if (ended()) {
      return "";
    }
    String text = s.substring(pos).stripTrailing();
    if (text.endsWith("/")) {
      text = text.substring(0, text.length() - 1);
    }
    return text.strip();
  }
}
