package dev.recon.reporting.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recon.reporting.access.Permission;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebPartsTest {

  @Test
  void majorAmountsAreReadExactly() {
    assertThat(MajorAmount.toMinor("12.50", "EUR")).isEqualTo(1250);
    assertThat(MajorAmount.toMinor("1,234.5", "EUR")).isEqualTo(123450);
    assertThat(MajorAmount.toMinor("1234", "JPY")).isEqualTo(1234);
    assertThat(MajorAmount.toMinor("1.234", "KWD")).isEqualTo(1234);
    assertThatThrownBy(() -> MajorAmount.toMinor("12.505", "EUR")).hasMessageContaining("decimals");
    assertThatThrownBy(() -> MajorAmount.toMinor("1.5", "JPY")).hasMessageContaining("decimals");
    assertThatThrownBy(() -> MajorAmount.toMinor("-3", "EUR"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MajorAmount.toMinor("0", "EUR")).hasMessageContaining("positive");
    assertThatThrownBy(() -> MajorAmount.toMinor("9".repeat(30), "EUR"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @SuppressWarnings("unchecked")
  void openApiNamesPathQueryAndFormParameters() {
    ApiRoute route =
        new ApiRoute(
            HandlerType.POST,
            "/api/v1/tenants/{tenant}/proposals/{proposalId}/approve",
            Permission.APPROVE,
            "Approve",
            List.of("q"),
            List.of("comment"),
            (ctx, p) -> null);
    Map<String, Object> doc = OpenApi.describe(List.of(route));
    Map<String, Object> op =
        (Map<String, Object>)
            ((Map<String, Object>)
                    ((Map<String, Object>) doc.get("paths"))
                        .get("/api/v1/tenants/{tenant}/proposals/{proposalId}/approve"))
                .get("post");
    List<Map<String, Object>> params = (List<Map<String, Object>>) op.get("parameters");
    assertThat(params).extracting(p -> p.get("name")).containsExactly("tenant", "proposalId", "q");
    assertThat(op.get("x-required-permission")).isEqualTo("APPROVE");
    assertThat(op).containsKey("requestBody");
    assertThat(doc.get("openapi")).isEqualTo("3.0.3");
  }

  @Test
  void theContentSecurityPolicyAllowsNoInlineCode() {
    assertThat(SecurityHeaders.CONTENT_SECURITY_POLICY)
        .startsWith("default-src 'self'")
        .doesNotContain("unsafe")
        .contains("frame-ancestors 'none'");
    assertThat(SecurityHeaders.ALL)
        .containsEntry("X-Frame-Options", "DENY")
        .containsEntry("X-Content-Type-Options", "nosniff")
        .containsEntry("Referrer-Policy", "no-referrer")
        .containsKey("Strict-Transport-Security");
  }
}
