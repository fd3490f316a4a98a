package dev.recon.normalization.csv;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * An unmodifiable list over a record's fields that takes ownership of its array, so the tokenizer's
 * fields reach the row mapper without the copies {@link List#copyOf} makes (twice per row).
 */
final class FieldList extends AbstractList<String> implements RandomAccess {
  private final String[] fields;
  private final int size;

  private FieldList(String[] fields, int size) {
    this.fields = fields;
    this.size = size;
  }

  /** Wraps the first {@code size} non-null elements; the caller must not touch the array again. */
  static FieldList owning(String[] fields, int size) {
    if (size < 0 || size > fields.length) {
      throw new IllegalArgumentException("size " + size + " of " + fields.length);
    }
    return new FieldList(fields, size);
  }

  /** An unmodifiable list with the same elements, copied only when it is not already one. */
  static List<String> immutable(List<String> fields) {
    return fields instanceof FieldList ? fields : List.copyOf(fields);
  }

  @Override
  public String get(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("index " + index + " of " + size);
    }
    return fields[index];
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public List<String> subList(int fromIndex, int toIndex) {
    if (fromIndex == 0) {
      if (toIndex < 0 || toIndex > size) {
        throw new IndexOutOfBoundsException("toIndex " + toIndex + " of " + size);
      }
      return new FieldList(fields, toIndex);
    }
    return List.copyOf(super.subList(fromIndex, toIndex));
  }

  @Override
  public Object[] toArray() {
    return Arrays.copyOf(fields, size, Object[].class);
  }
}
