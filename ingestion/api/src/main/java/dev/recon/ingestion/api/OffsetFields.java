package dev.recon.ingestion.api;

import java.util.Map;

/** Reads the fields of a stored offset map, refusing anything our own records never write. */
public final class OffsetFields {

  private OffsetFields() {}

  public static String text(Map<String, String> m, String key) {
    String v = m.get(key);
    if (v == null) {
      throw new IllegalArgumentException("stored offset has no " + key);
    }
    return v;
  }

  public static long number(Map<String, String> m, String key) {
    String v = text(m, key);
    if (!v.matches("[0-9]{1,18}")) {
      throw new IllegalArgumentException("stored offset field " + key + " is not a number");
    }
    return Long.parseLong(v);
  }

  /** A non-negative int (a page or batch count). */
  public static int count(Map<String, String> m, String key) {
    long v = number(m, key);
    if (v > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("stored offset field " + key + " is too large");
    }
    return (int) v;
  }

  public static boolean flag(Map<String, String> m, String key) {
    String v = text(m, key);
    if (!v.equals("true") && !v.equals("false")) {
      throw new IllegalArgumentException("stored offset field " + key + " is not true/false");
    }
    return Boolean.parseBoolean(v);
  }
}
