package dev.recon.reporting.access;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** What an API key may be used for; a key never does more than its user's role allows either. */
public enum ApiScope {
  READ(Permission.READ),
  PROPOSE(Permission.PROPOSE),
  APPROVE(Permission.APPROVE);

  private final Permission permission;

  ApiScope(Permission permission) {
    this.permission = permission;
  }

  public Permission permission() {
    return permission;
  }

  /** Lower-case, comma-separated, in declaration order: how scopes are stored and shown. */
  public static String format(Set<ApiScope> scopes) {
    StringBuilder text = new StringBuilder();
    for (ApiScope scope : EnumSet.copyOf(scopes)) {
      if (text.length() > 0) {
        text.append(',');
      }
      text.append(scope.name().toLowerCase(Locale.ROOT));
    }
    return text.toString();
  }

  /**
   * @throws IllegalArgumentException for an unknown or empty scope list
   */
  public static Set<ApiScope> parse(String text) {
    EnumSet<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
    for (String part : text.split(",", -1)) {
      scopes.add(ApiScope.valueOf(part.trim().toUpperCase(Locale.ROOT)));
    }
    return scopes;
  }
}
