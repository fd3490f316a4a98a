package dev.recon.reporting.access;

/** A session just started: the token goes into the cookie and is never stored in clear. */
public record NewSession(String token, String csrfToken) {

  @Override
  public String toString() {
    return "NewSession[hidden]";
  }
}
