package dev.recon.reporting.access;

/** One demo user's credentials, to print at the start of {@code recon demo}. */
public record DemoCredential(
    String tenantId,
    Role role,
    String username,
    String password,
    String totpSecret,
    String otpauthUri) {

  /** One line for the console. */
  public String describe() {
    return String.format(
        "%-9s %-28s password %s  TOTP secret %s  (%s)",
        role, username, password, totpSecret, otpauthUri);
  }
}
