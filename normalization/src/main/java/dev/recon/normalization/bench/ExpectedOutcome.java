package dev.recon.normalization.bench;

import dev.recon.normalization.format.ControlTotal;
import dev.recon.schemas.RecordKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What parsing a generated file must give, tallied by the generator as it writes each row: the
 * canonical records and their control totals per record kind and currency, with no errors and no
 * findings.
 */
final class ExpectedOutcome {
  private final Map<RecordKind, Map<String, long[]>> totals = new TreeMap<>();
  private int records;

  /** One record of {@code kind} whose control-total amount is {@code minor} in {@code currency}. */
  void record(RecordKind kind, String currency, long minor) {
    long[] t =
        totals
            .computeIfAbsent(kind, k -> new TreeMap<>())
            .computeIfAbsent(currency, c -> new long[2]);
    t[0]++;
    t[1] = Math.addExact(t[1], minor);
    records++;
  }

  int records() {
    return records;
  }

  /** In the order {@link dev.recon.normalization.format.ParseResult} reports them. */
  List<ControlTotal> controlTotals() {
    List<ControlTotal> out = new ArrayList<>();
    totals.forEach(
        (kind, byCurrency) ->
            byCurrency.forEach(
                (currency, t) -> out.add(new ControlTotal(kind, currency, t[0], t[1], false))));
    return out;
  }
}
