package dev.recon.normalization.money;

/**
 * Whether a format writes thousands separators in major-unit amounts. Only a format that is known
 * to group digits may accept them: elsewhere a comma is more likely a decimal comma or a shifted
 * column, and accepting it would silently change the amount by a factor of 10^n.
 */
public enum Grouping {
  /** "1234.56" only; a comma is an error. */
  NONE,
  /** "1,234.56" or "1234.56"; groups after the first must have exactly three digits. */
  COMMA_THOUSANDS
}
