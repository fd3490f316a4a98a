package dev.recon.generator;

import java.util.List;

/** The ground truth as CSV: one row per member of a truth match, one row per truth break. */
final class TruthFiles {
  static final List<String> MATCHES_HEADER =
      List.of("match_id", "level", "rule", "psp", "noise", "record_kind", "record_id");
  static final List<String> EXCEPTIONS_HEADER =
      List.of(
          "reason",
          "level",
          "record_kind",
          "record_id",
          "amount_minor",
          "currency",
          "psp",
          "noise");

  private TruthFiles() {}

  static String matches(List<TruthMatch> matches) {
    StringBuilder out = new StringBuilder(matches.size() * 120);
    CsvText.row(out, MATCHES_HEADER);
    for (TruthMatch m : matches) {
      for (RecordRef member : m.members()) {
        CsvText.row(
            out,
            List.of(
                m.matchId(),
                m.level().name(),
                m.rule(),
                m.psp(),
                m.noise().name(),
                member.kind().name(),
                member.id()));
      }
    }
    return out.toString();
  }

  static String exceptions(List<TruthBreak> breaks) {
    StringBuilder out = new StringBuilder(breaks.size() * 100 + 100);
    CsvText.row(out, EXCEPTIONS_HEADER);
    for (TruthBreak b : breaks) {
      CsvText.row(
          out,
          List.of(
              b.reason().name(),
              b.level().name(),
              b.record().kind().name(),
              b.record().id(),
              Long.toString(b.amountMinor()),
              b.currency(),
              b.psp(),
              b.noise().name()));
    }
    return out.toString();
  }
}
