package dev.recon.normalization.bai2;

import dev.recon.normalization.format.ParseResult;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits BAI2 text into logical records: one per physical line (CRLF, LF, no final newline), each
 * "88" line appended to the record before it. Blank lines are skipped; a line without a record
 * code, or an 88 with nothing to continue, is reported and skipped.
 */
final class Bai2RecordReader {
  private static final Pattern RECORD = Pattern.compile("(\\d{2}),(.*)|(\\d{2})/?\\s*");
  static final String CONTINUATION = "88";

  private Bai2RecordReader() {}

  static List<Bai2Record> read(
      String text, int maxLineChars, int maxRecords, ParseResult.Builder out) {
    List<Bai2Record> records = new ArrayList<>();
    String[] physical = text.split("\r\n|\r|\n", -1);
    int count = 0;
    for (int i = 0; i < physical.length; i++) {
      int line = i + 1;
      String raw = physical[i];
      if (raw.isBlank()) {
        continue;
      }
      if (raw.length() > maxLineChars) {
        out.error(line, null, "line longer than " + maxLineChars + " characters", null);
        continue;
      }
      if (++count > maxRecords) {
        out.error(
            line,
            null,
            "record limit of " + maxRecords + " reached; the rest of the file was not read",
            null);
        break;
      }
      Matcher m = RECORD.matcher(raw);
      if (!m.matches()) {
        out.error(line, "record code", "not a BAI2 record (NN,...)", raw);
        continue;
      }
      String code = m.group(1) != null ? m.group(1) : m.group(3);
      String content = m.group(2) != null ? m.group(2) : "";
      if (code.equals(CONTINUATION)) {
        if (records.isEmpty()) {
          out.error(line, "record code", "88 continuation with no record before it", raw);
        } else {
          records.get(records.size() - 1).continuations.add(content);
        }
        continue;
      }
      records.add(new Bai2Record(code, line, content));
    }
    return records;
  }
}
