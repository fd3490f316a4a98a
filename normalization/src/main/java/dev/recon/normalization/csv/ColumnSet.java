package dev.recon.normalization.csv;

/** Positions of a header's columns that satisfy a rule about their names, decided once per file. */
public final class ColumnSet {
  private final boolean[] members;

  ColumnSet(boolean[] members) {
    this.members = members.clone();
  }

  public boolean contains(int position) {
    return position >= 0 && position < members.length && members[position];
  }
}
