package dev.recon.normalization.bai2;

import dev.recon.normalization.format.ParseResult;
import dev.recon.normalization.format.RowProblems;
import dev.recon.normalization.money.MinorSum;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * What a BAI2 trailer (49 account, 98 group, 99 file) must agree with: the sum of the amounts below
 * it, the number of accounts or groups it holds, and its physical record count including header,
 * continuations and trailer. A file that does not foot is a finding; its records still flow.
 */
final class ControlLevel {
  static final String CONTROL_MISMATCH = "BAI2_CONTROL_MISMATCH";
  static final String CONTROL_UNCHECKED = "BAI2_CONTROL_UNCHECKED";

  final String name;
  final int headerLine;
  final MinorSum amounts = new MinorSum();
  long children;
  long records;

  ControlLevel(String name, int headerLine) {
    this.name = name;
    this.headerLine = headerLine;
  }

  /**
   * Checks the trailer's fields (control total, then the child count if {@code childName} is not
   * null, then the record count) and returns the control total it states, or the computed one when
   * the trailer's is unreadable.
   */
  long check(Bai2Record trailer, String childName, ParseResult.Builder out) {
    FieldCursor fields = new FieldCursor(trailer.content);
    RowProblems problems = new RowProblems(trailer.line);
    String field = trailer.code + " control total";
    Long stated = Bai2Amount.signed(field, fields.next(), problems);
    Long statedChildren =
        childName == null
            ? null
            : count(trailer.code + " number of " + childName, fields.next(), problems);
    Long statedRecords = count(trailer.code + " number of records", fields.next(), problems);
    problems.reportTo(out);
    OptionalLong computed = amounts.value();
    List<String> differences = new ArrayList<>();
    if (stated != null && computed.isPresent() && stated != computed.getAsLong()) {
      differences.add("control total " + stated + " != sum of amounts " + computed.getAsLong());
    }
    if (stated != null && computed.isEmpty()) {
      differences.add("sum of amounts overflows");
    }
    if (statedChildren != null && statedChildren != children) {
      differences.add("number of " + childName + " " + statedChildren + " != " + children);
    }
    if (statedRecords != null && statedRecords != records) {
      differences.add("number of records " + statedRecords + " != " + records);
    }
    if (!differences.isEmpty()) {
      out.finding(
          trailer.line,
          CONTROL_MISMATCH,
          name + " from line " + headerLine + " does not foot: " + String.join("; ", differences));
    }
    return stated != null ? stated : computed.orElse(0L);
  }

  private static Long count(String field, String text, RowProblems problems) {
    if (text.isEmpty()) {
      // The record counts are optional in BAI2 version 2 trailers.
      return null;
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      problems.add(field, "not a count", text);
      return null;
    }
  }
}
