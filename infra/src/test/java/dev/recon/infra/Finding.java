package dev.recon.infra;

/** One thing a check rejects: which check, where (file, block, attribute) and why. */
record Finding(String check, String where, String message) {
  @Override
  public String toString() {
    return check + " | " + where + ": " + message;
  }
}
