package dev.recon.app.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseEndpointsTest {
  @Test
  void toStringMasksPasswordsAndUrlPasswords() {
    DatabaseEndpoints endpoints =
        new DatabaseEndpoints(
            "jdbc:postgresql://db/recon?ssl=true&password=url-secret",
            "owner",
            "owner-secret",
            "jdbc:postgresql://db/recon",
            "app",
            "app-secret");

    assertThat(endpoints.toString())
        .doesNotContain("url-secret", "owner-secret", "app-secret")
        .contains("ownerPassword=****", "appPassword=****", "ssl=true&password=****");
  }

  @Test
  void showsAbsentPasswordsAsNone() {
    DatabaseEndpoints endpoints =
        new DatabaseEndpoints(
            "jdbc:postgresql://db/r", "owner", null, "jdbc:postgresql://db/r", "app", null);

    assertThat(endpoints.toString()).contains("ownerPassword=none", "appPassword=none");
  }

  @Test
  void theApplicationMustNotLogInAsTheOwner() {
    assertThatThrownBy(
            () ->
                new DatabaseEndpoints(
                    "jdbc:postgresql://db/r",
                    "recon",
                    null,
                    "jdbc:postgresql://db/r",
                    "recon",
                    null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
