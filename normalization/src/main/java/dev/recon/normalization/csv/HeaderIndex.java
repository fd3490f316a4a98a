package dev.recon.normalization.csv;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Column positions by header name, so parsers bind by name and survive reordered, added or removed
 * columns. Names match ignoring case and surrounding whitespace.
 */
public final class HeaderIndex {
  private final List<String> names;
  private final Map<String, Integer> positions = new HashMap<>();
  private final List<String> duplicates = new ArrayList<>();

  /**
   * Lookups by the name as the caller spells it, so a row's fields are found without stripping and
   * lower-casing the name again for every row. Parsers ask for a fixed set of column constants.
   */
  private final Map<String, Integer> lookups = new ConcurrentHashMap<>();

  /** Bounds {@link #lookups}; beyond it names are keyed afresh each time. */
  private static final int MAX_CACHED_LOOKUPS = 1024;

  private static final Integer ABSENT = -1;

  /** Column sets by rule, so a rule about header names runs once per file, not once per row. */
  private final Map<Predicate<String>, ColumnSet> columnSets = new ConcurrentHashMap<>();

  /** Bounds {@link #columnSets}; parsers pass a few rule constants. */
  private static final int MAX_COLUMN_SETS = 16;

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
    int i = position(name);
    return i < 0 ? OptionalInt.empty() : OptionalInt.of(i);
  }

  /** The column's position, or -1 when this header does not have it. */
  public int position(String name) {
    Integer cached = lookups.get(name);
    if (cached == null) {
      Integer found = positions.get(key(name));
      cached = found == null ? ABSENT : found;
      if (lookups.size() < MAX_CACHED_LOOKUPS) {
        lookups.put(name, cached);
      }
    }
    return cached;
  }

  public boolean has(String name) {
    return positions.containsKey(key(name));
  }

  /**
   * The positions whose header name (as written) satisfies {@code rule}. Pass a constant: the
   * result is remembered per rule instance.
   */
  public ColumnSet columnsWhere(Predicate<String> rule) {
    ColumnSet cached = columnSets.get(rule);
    if (cached != null) {
      return cached;
    }
    boolean[] members = new boolean[names.size()];
    for (int i = 0; i < members.length; i++) {
      members[i] = rule.test(names.get(i));
    }
    ColumnSet set = new ColumnSet(members);
    if (columnSets.size() < MAX_COLUMN_SETS) {
      columnSets.put(rule, set);
    }
    return set;
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
