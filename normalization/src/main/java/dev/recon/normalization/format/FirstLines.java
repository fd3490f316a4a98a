package dev.recon.normalization.format;

import java.util.Arrays;

/**
 * The line each record id was first seen on, for one record kind of one file. Ids are copied into
 * one growing character array and found through an open-addressing table of ints, so remembering a
 * million ids makes no objects per id: a parse that streams its records leaves nothing per record
 * for the garbage collector to copy.
 */
final class FirstLines {
  private static final int INITIAL_SLOTS = 1 << 10;
  private static final int EMPTY = -1;

  /** Id characters back to back; an id is (start, length) in it. */
  private char[] chars = new char[INITIAL_SLOTS * 16];

  private int used;

  /** Per slot: index into the entry arrays, or EMPTY. Size is a power of two. */
  private int[] slots = newSlots(INITIAL_SLOTS);

  private int[] hashes = new int[INITIAL_SLOTS / 2];
  private int[] starts = new int[INITIAL_SLOTS / 2];
  private int[] lengths = new int[INITIAL_SLOTS / 2];
  private int[] lines = new int[INITIAL_SLOTS / 2];
  private int size;

  /** What {@link #putIfAbsent} returns for an id not seen before (no line is negative). */
  static final int NOT_SEEN = Integer.MIN_VALUE;

  private boolean nullIdSeen;
  private int nullIdLine;

  /**
   * Records that {@code id} occurs on {@code line}, unless it occurred before.
   *
   * @return the line it first occurred on, or {@link #NOT_SEEN} if this is the first time
   */
  int putIfAbsent(String id, int line) {
    if (id == null) {
      if (nullIdSeen) {
        return nullIdLine;
      }
      nullIdSeen = true;
      nullIdLine = line;
      return NOT_SEEN;
    }
    int hash = spread(id.hashCode());
    int mask = slots.length - 1;
    for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
      int entry = slots[slot];
      if (entry == EMPTY) {
        slots[slot] = add(id, hash, line);
        if (size * 2 > slots.length) {
          rehash();
        }
        return NOT_SEEN;
      }
      if (hashes[entry] == hash && sameId(entry, id)) {
        return lines[entry];
      }
    }
  }

  private int add(String id, int hash, int line) {
    if (size == hashes.length) {
      int capacity = size * 2;
      hashes = Arrays.copyOf(hashes, capacity);
      starts = Arrays.copyOf(starts, capacity);
      lengths = Arrays.copyOf(lengths, capacity);
      lines = Arrays.copyOf(lines, capacity);
    }
    int length = id.length();
    if (chars.length - used < length) {
      long needed = (long) used + length;
      if (needed > Integer.MAX_VALUE - 8) {
        throw new IllegalStateException("record ids of one file exceed 2^31 characters");
      }
      chars =
          Arrays.copyOf(chars, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(needed, used * 2L)));
    }
    id.getChars(0, length, chars, used);
    int entry = size++;
    hashes[entry] = hash;
    starts[entry] = used;
    lengths[entry] = length;
    lines[entry] = line;
    used += length;
    return entry;
  }

  private boolean sameId(int entry, String id) {
    int length = lengths[entry];
    if (length != id.length()) {
      return false;
    }
    int start = starts[entry];
    for (int i = 0; i < length; i++) {
      if (chars[start + i] != id.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private void rehash() {
    int[] grown = newSlots(slots.length * 2);
    int mask = grown.length - 1;
    for (int entry = 0; entry < size; entry++) {
      int slot = hashes[entry] & mask;
      while (grown[slot] != EMPTY) {
        slot = (slot + 1) & mask;
      }
      grown[slot] = entry;
    }
    slots = grown;
  }

  private static int[] newSlots(int count) {
    int[] s = new int[count];
    Arrays.fill(s, EMPTY);
    return s;
  }

  /** String hashes of similar ids differ in low bits only a little; mix the high bits in. */
  private static int spread(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    return h ^ (h >>> 13);
  }
}
