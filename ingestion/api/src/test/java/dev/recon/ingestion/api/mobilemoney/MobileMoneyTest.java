package dev.recon.ingestion.api.mobilemoney;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recon.ingestion.api.http.ProviderSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MobileMoneyTest {

  static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void readsATokenWhoseLifetimeIsANumberOrANumericString() {
    assertThat(AccessToken.read(utf8("{\"access_token\":\"a\",\"expires_in\":3600}"), NOW))
        .hasValueSatisfying(t -> assertThat(t.expiresAt()).isEqualTo(NOW.plusSeconds(3600)));
    assertThat(AccessToken.read(utf8("{\"access_token\":\"a\",\"expires_in\":\"180\"}"), NOW))
        .hasValueSatisfying(t -> assertThat(t.value().reveal()).isEqualTo("a"));
  }

  @Test
  void refusesTokenResponsesItCannotTrust() {
    assertThat(AccessToken.read(utf8("{\"expires_in\":3600}"), NOW)).isEmpty();
    assertThat(AccessToken.read(utf8("{\"access_token\":\"\",\"expires_in\":3600}"), NOW))
        .isEmpty();
    assertThat(AccessToken.read(utf8("{\"access_token\":\"a\"}"), NOW)).isEmpty();
    assertThat(AccessToken.read(utf8("{\"access_token\":\"a\",\"expires_in\":0}"), NOW)).isEmpty();
    assertThat(AccessToken.read(utf8("{\"access_token\":\"a\",\"expires_in\":\"soon\"}"), NOW))
        .isEmpty();
    assertThat(AccessToken.read(utf8("not json"), NOW)).isEmpty();
    String huge = "x".repeat(AccessToken.MAX_TOKEN_CHARS + 1);
    assertThat(AccessToken.read(utf8("{\"access_token\":\"" + huge + "\",\"expires_in\":60}"), NOW))
        .isEmpty();
  }

  @Test
  void aClaimedLifetimeIsCappedAtTheMaximum() {
    assertThat(AccessToken.read(utf8("{\"access_token\":\"a\",\"expires_in\":999999999}"), NOW))
        .hasValueSatisfying(
            t -> assertThat(t.expiresAt()).isEqualTo(NOW.plus(AccessToken.MAX_LIFETIME)));
  }

  @Test
  void theCacheGivesATokenUpUntilShortlyBeforeItExpires() {
    AccessTokenCache cache = new AccessTokenCache();
    AccessToken token =
        AccessToken.read(utf8("{\"access_token\":\"a\",\"expires_in\":300}"), NOW).orElseThrow();
    cache.store(token);
    Instant lastSafe = NOW.plusSeconds(300).minus(AccessTokenCache.REFRESH_MARGIN).minusMillis(1);

    assertThat(cache.valid(NOW)).contains(token);
    assertThat(cache.valid(lastSafe)).contains(token);
    assertThat(cache.valid(lastSafe.plusMillis(1))).isEmpty();
    cache.invalidate();
    assertThat(cache.valid(NOW)).isEmpty();
    assertThat(AccessTokenCache.REFRESH_MARGIN).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void readsEachProvidersStatusFieldAndNothingElse() {
    MtnMomoConfig mtn = mtn("sandbox");
    AirtelMoneyConfig airtel = airtel("UG", "UGX");

    assertThat(mtn.readStatus(utf8("{\"status\":\"SUCCESSFUL\",\"amount\":\"100\"}")))
        .contains("SUCCESSFUL");
    assertThat(mtn.readStatus(utf8("{\"reason\":\"x\"}"))).isEmpty();
    assertThat(mtn.readStatus(utf8("{\"status\":\"<script>\"}"))).isEmpty();
    assertThat(mtn.readStatus(utf8("garbage"))).isEmpty();
    assertThat(airtel.readStatus(utf8("{\"data\":{\"transaction\":{\"status\":\"TF\"}}}")))
        .contains("TF");
    assertThat(airtel.readStatus(utf8("{\"status\":{\"code\":\"200\"}}"))).isEmpty();
  }

  @Test
  void referencesMustHaveTheProvidersShapeBeforeTheyGoIntoAUrl() {
    assertThat(MtnMomoConfig.REFERENCE.matcher("6a1b2c3d-1111-4222-8333-444455556666").matches())
        .isTrue();
    assertThat(MtnMomoConfig.REFERENCE.matcher("ORDER-1").matches()).isFalse();
    assertThat(AirtelMoneyConfig.REFERENCE.matcher("ORDER-77").matches()).isTrue();
    assertThat(AirtelMoneyConfig.REFERENCE.matcher("../x").matches()).isFalse();
    assertThat(AirtelMoneyConfig.REFERENCE.matcher("a/b").matches()).isFalse();
    assertThat(AirtelMoneyConfig.REFERENCE.matcher("x".repeat(65)).matches()).isFalse();
    assertThat(mtn("sandbox").statusPath("abc")).isEqualTo("/collection/v1_0/requesttopay/abc");
    assertThat(airtel("UG", "UGX").statusPath("abc")).isEqualTo("/standard/v1/payments/abc");
  }

  @Test
  void configProblemsAreListedTogether() {
    MtnMomoConfig badMtn =
        new MtnMomoConfig("acme", null, "Sandbox!", "env:S", "literal-user", "env:K");
    AirtelMoneyConfig badAirtel =
        new AirtelMoneyConfig(
            "",
            ProviderSettings.defaults("https://openapi.airtel.africa"),
            "uganda",
            "ugx",
            null,
            "env:S");

    assertThat(badMtn.problems())
        .hasSize(3)
        .anySatisfy(p -> assertThat(p).startsWith("mtn_momo.http"))
        .anySatisfy(p -> assertThat(p).startsWith("mtn_momo.target_environment"))
        .anySatisfy(
            p -> assertThat(p).startsWith("mtn_momo.api_user_ref").doesNotContain("literal-user"));
    assertThat(badAirtel.problems())
        .hasSize(4)
        .anySatisfy(p -> assertThat(p).startsWith("airtel.tenant_id"))
        .anySatisfy(p -> assertThat(p).startsWith("airtel.country"))
        .anySatisfy(p -> assertThat(p).startsWith("airtel.currency"))
        .anySatisfy(p -> assertThat(p).isEqualTo("airtel.client_id_ref: is required"));
    assertThat(mtn("sandbox").problems()).isEmpty();
    assertThat(airtel("UG", "UGX").problems()).isEmpty();
    assertThat(MobileMoneyStatusChecker.MAX_REFERENCES_PER_CHECK).isEqualTo(1000);
  }

  static MtnMomoConfig mtn(String environment) {
    return new MtnMomoConfig(
        "acme",
        ProviderSettings.defaults(MtnMomoConfig.DEFAULT_BASE_URL),
        environment,
        "env:MTN_SUB",
        "env:MTN_USER",
        "env:MTN_KEY");
  }

  static AirtelMoneyConfig airtel(String country, String currency) {
    return new AirtelMoneyConfig(
        "acme",
        ProviderSettings.defaults(AirtelMoneyConfig.DEFAULT_BASE_URL),
        country,
        currency,
        "env:AIRTEL_ID",
        "env:AIRTEL_SECRET");
  }
}
