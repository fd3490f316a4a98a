package dev.recon.ingestion.api.adyen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recon.ingestion.api.http.ProviderSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdyenReportTest {

  @Test
  void namesReportsByBatchNumber() {
    ReportNamePattern names = new ReportNamePattern(ReportNamePattern.SETTLEMENT_DETAIL);

    assertThat(names.nameFor(1)).isEqualTo("settlement_detail_report_batch_1.csv");
    assertThat(names.nameFor(1234)).isEqualTo("settlement_detail_report_batch_1234.csv");
    assertThatThrownBy(() -> names.nameFor(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aPatternHasOnePlaceholderAndOnlySafeCharacters() {
    assertThat(ReportNamePattern.problem("report.csv"))
        .contains("must contain {batch} exactly once");
    assertThat(ReportNamePattern.problem("{batch}_{batch}.csv")).isPresent();
    assertThat(ReportNamePattern.problem("../{batch}.csv")).isPresent();
    assertThat(ReportNamePattern.problem("a/{batch}.csv")).isPresent();
    assertThat(ReportNamePattern.problem("a?x={batch}")).isPresent();
    assertThat(
            ReportNamePattern.problem("x".repeat(ReportNamePattern.MAX_PATTERN_CHARS) + "{batch}"))
        .isPresent();
    assertThat(ReportNamePattern.problem(null)).contains("is required");
    assertThat(ReportNamePattern.problem("payments_accounting_report_batch_{batch}.csv")).isEmpty();
  }

  @Test
  void progressIsTheLastBatchInKafka() {
    AdyenReportProgress start = AdyenReportProgress.before(1);

    assertThat(start.nextBatch()).isEqualTo(1);
    assertThat(start.advanced()).isEqualTo(new AdyenReportProgress(1));
    assertThat(new AdyenReportProgress(41).toMap()).isEqualTo(Map.of("last_batch", "41"));
    assertThat(AdyenReportProgress.fromMap(Map.of("last_batch", "41")))
        .isEqualTo(new AdyenReportProgress(41));
    assertThatThrownBy(() -> AdyenReportProgress.fromMap(Map.of("last_batch", "x")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AdyenReportProgress.fromMap(Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void configProblemsAreListedTogether() {
    AdyenReportConfig bad =
        new AdyenReportConfig(
            "acme",
            ProviderSettings.defaults("http://ca-live.adyen.com"),
            "../other",
            "report.csv",
            new AdyenAuthentication.Basic("plain-user", "env:PW"),
            0,
            0,
            "bad hint!");

    assertThat(bad.problems())
        .containsExactlyInAnyOrder(
            "adyen.http.base_url: must be https (plain http only in development, on loopback)",
            "adyen.merchant_account: must match " + AdyenReportConfig.MERCHANT_ACCOUNT.pattern(),
            "adyen.report_name_pattern: must contain {batch} exactly once",
            "adyen.authentication.username_ref: secret reference must start with env:, file: or"
                + " aws-sm: (a literal secret is not allowed)",
            "adyen.first_batch: must be 1-" + AdyenReportConfig.MAX_BATCH,
            "adyen.max_reports_per_poll: must be 1-"
                + AdyenReportConfig.MAX_REPORTS_PER_POLL_CEILING,
            "adyen.format_hint: must match [A-Za-z0-9_.-]{1,64}");
  }

  @Test
  void aValidConfigHasNoProblemsAndOneSeriesPerAccountAndPattern() {
    AdyenReportConfig ok =
        new AdyenReportConfig(
            "acme",
            ProviderSettings.defaults(AdyenReportConfig.DEFAULT_BASE_URL),
            "AcmeEUR",
            ReportNamePattern.SETTLEMENT_DETAIL,
            new AdyenAuthentication.ApiKey("aws-sm:adyen#report_key"),
            1,
            10,
            null);

    assertThat(ok.problems()).isEmpty();
    assertThat(ok.partition()).isEqualTo("AcmeEUR/settlement_detail_report_batch_{batch}.csv");
  }

  @Test
  void theAuthenticationHeaderNeverShowsItsValue() {
    assertThat(new AdyenAuthentication.Header("X-API-Key", "AQE-secret").toString())
        .isEqualTo("X-API-Key: ****");
  }
}
