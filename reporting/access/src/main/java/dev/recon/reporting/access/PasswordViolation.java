package dev.recon.reporting.access;

/** Why a new password is refused; shown to the user as is. */
public enum PasswordViolation {
  TOO_SHORT("at least " + PasswordPolicy.MIN_LENGTH + " characters"),
  TOO_LONG("at most " + PasswordPolicy.MAX_LENGTH + " characters"),
  COMMON("it appears in a list of breached or common passwords");

  private final String explanation;

  PasswordViolation(String explanation) {
    this.explanation = explanation;
  }

  public String explanation() {
    return explanation;
  }
}
