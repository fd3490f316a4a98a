package dev.recon.normalization.csv;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Column positions by header name, so parsers bind by name and survive reordered, added or removed
 * columns. Names match ignoring case and surrounding whitespace.
 */
public final class HeaderIndex {
  private final List<String> names;
  private final Map<String, Integer> positions = new HashMap<>();
  private final List<String> duplicates = new ArrayList<>();

  private HeaderIndex(List<String> names) {
    this.names = List.copyOf(names);
    for (int i = 0; i < names.size(); i++) {
      String key = key(names.get(i));
      if (key.isEmpty()) {
        continue;
      }
      if (positions.putIfAbsent(key, i) != null) {
        duplicates.add(names.get(i).strip());
      }
    }
  }

  public static HeaderIndex of(List<String> names) {
    return new HeaderIndex(names);
  }

  public OptionalInt indexOf(String name) {
    Integer i = positions.get(key(name));
    return i == null ? OptionalInt.empty() : OptionalInt.of(i);
  }

  public boolean has(String name) {
    return positions.containsKey(key(name));
  }

  /** The header as written (for naming the column of a truncated row). */
  public List<String> names() {
    return names;
  }

  public int width() {
    return names.size();
  }

  /** Names that occur more than once; binding them would be ambiguous. */
  public List<String> duplicates() {
    return List.copyOf(duplicates);
  }

  private static String key(String name) {
    return name.strip().toLowerCase(Locale.ROOT);
  }
}
