package dev.recon.normalization.adyen;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The zone of Adyen's "TimeZone" column. Adyen writes abbreviations that already say whether
 * daylight saving applies (PDT vs PST), so each maps to a fixed offset. Ambiguous abbreviations
 * (CST: US Central or China; IST: India, Ireland or Israel) are deliberately absent and reported.
 * Region ids ("Europe/Amsterdam") and explicit offsets ("+02:00") are accepted as well.
 */
final class AdyenTimeZones {
  private static final Map<String, ZoneOffset> ABBREVIATIONS =
      Map.ofEntries(
          Map.entry("UTC", ZoneOffset.UTC),
          Map.entry("GMT", ZoneOffset.UTC),
          Map.entry("WET", ZoneOffset.UTC),
          Map.entry("WEST", ZoneOffset.ofHours(1)),
          Map.entry("BST", ZoneOffset.ofHours(1)),
          Map.entry("CET", ZoneOffset.ofHours(1)),
          Map.entry("CEST", ZoneOffset.ofHours(2)),
          Map.entry("EET", ZoneOffset.ofHours(2)),
          Map.entry("EEST", ZoneOffset.ofHours(3)),
          Map.entry("MSK", ZoneOffset.ofHours(3)),
          Map.entry("SGT", ZoneOffset.ofHours(8)),
          Map.entry("HKT", ZoneOffset.ofHours(8)),
          Map.entry("JST", ZoneOffset.ofHours(9)),
          Map.entry("KST", ZoneOffset.ofHours(9)),
          Map.entry("AEST", ZoneOffset.ofHours(10)),
          Map.entry("AEDT", ZoneOffset.ofHours(11)),
          Map.entry("NZST", ZoneOffset.ofHours(12)),
          Map.entry("NZDT", ZoneOffset.ofHours(13)),
          Map.entry("BRT", ZoneOffset.ofHours(-3)),
          Map.entry("EST", ZoneOffset.ofHours(-5)),
          Map.entry("EDT", ZoneOffset.ofHours(-4)),
          Map.entry("CDT", ZoneOffset.ofHours(-5)),
          Map.entry("MST", ZoneOffset.ofHours(-7)),
          Map.entry("MDT", ZoneOffset.ofHours(-6)),
          Map.entry("PST", ZoneOffset.ofHours(-8)),
          Map.entry("PDT", ZoneOffset.ofHours(-7)),
          Map.entry("AKST", ZoneOffset.ofHours(-9)),
          Map.entry("AKDT", ZoneOffset.ofHours(-8)),
          Map.entry("HST", ZoneOffset.ofHours(-10)));

  private static final int MAX_CHARS = 40;

  private AdyenTimeZones() {}

  static Optional<ZoneId> resolve(String text) {
    String s = text.strip();
    if (s.isEmpty() || s.length() > MAX_CHARS) {
      return Optional.empty();
    }
    ZoneOffset known = ABBREVIATIONS.get(s.toUpperCase(Locale.ROOT));
    if (known != null) {
      return Optional.of(known);
    }
    if (s.startsWith("+") || s.startsWith("-") || s.contains("/")) {
      try {
        return Optional.of(ZoneId.of(s));
      } catch (DateTimeException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }
}
