package dev.recon.reporting.access;

import java.util.Optional;

/**
 * NIST SP 800-63B style: a length range and a breached-password check, no composition rules. Length
 * counts Unicode code points, so a passphrase in any script is measured the same way.
 */
public final class PasswordPolicy {

  public static final int MIN_LENGTH = 12;
  public static final int MAX_LENGTH = 128;

  private final CommonPasswords common;

  public PasswordPolicy(CommonPasswords common) {
    this.common = common;
  }

  /** The policy with the shipped list. */
  public static PasswordPolicy standard() {
    return new PasswordPolicy(CommonPasswords.shipped());
  }

  /** Empty when the password is acceptable. */
  public Optional<PasswordViolation> check(String password) {
    int length = password.codePointCount(0, password.length());
    if (length < MIN_LENGTH) {
      return Optional.of(PasswordViolation.TOO_SHORT);
    }
    if (length > MAX_LENGTH) {
      return Optional.of(PasswordViolation.TOO_LONG);
    }
    if (common.contains(password)) {
      return Optional.of(PasswordViolation.COMMON);
    }
    return Optional.empty();
  }
}
