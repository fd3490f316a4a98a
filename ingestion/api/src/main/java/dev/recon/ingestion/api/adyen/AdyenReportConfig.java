package dev.recon.ingestion.api.adyen;

import dev.recon.ingestion.api.http.ProviderSettings;
import dev.recon.ingestion.store.TenantTransactions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One tenant's Adyen report series, downloaded batch after batch from {@code
 * <base_url>/<merchant_account>/<report name>}.
 *
 * @param http base URL e.g. {@code https://ca-live.adyen.com/reports/download/MerchantAccount}
 * @param firstBatch the batch to start from when nothing was downloaded yet
 * @param maxReportsPerPoll downloads per poll; the next poll continues with the next batch
 * @param formatHint passed to normalization on each raw record (e.g. {@code
 *     adyen-settlement-detail}), or null to detect the format
 */
public record AdyenReportConfig(
    String tenantId,
    ProviderSettings http,
    String merchantAccount,
    String reportNamePattern,
    AdyenAuthentication authentication,
    long firstBatch,
    int maxReportsPerPoll,
    String formatHint) {

  public static final String DEFAULT_BASE_URL =
      "https://ca-live.adyen.com/reports/download/MerchantAccount";
  public static final String CONNECTOR_ID = "api:adyen";
  public static final String SOURCE = "api:adyen";
  public static final String PSP = "adyen";

  public static final int MAX_REPORTS_PER_POLL_CEILING = 1000;
  public static final long MAX_BATCH = 1_000_000_000L;
  public static final Pattern MERCHANT_ACCOUNT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,79}");
  private static final Pattern FORMAT_HINT = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  /** Every problem, each naming its field; empty when the downloader can run. */
  public List<String> problems() {
    List<String> p = new ArrayList<>();
    if (!TenantTransactions.isTenantId(tenantId)) {
      p.add("adyen.tenant_id: must match " + TenantTransactions.TENANT_ID.pattern());
    }
    if (http == null) {
      p.add("adyen.http: is required");
    } else {
      p.addAll(http.problems("adyen.http"));
    }
    if (merchantAccount == null || !MERCHANT_ACCOUNT.matcher(merchantAccount).matches()) {
      p.add("adyen.merchant_account: must match " + MERCHANT_ACCOUNT.pattern());
    }
    ReportNamePattern.problem(reportNamePattern)
        .ifPresent(m -> p.add("adyen.report_name_pattern: " + m));
    if (authentication == null) {
      p.add("adyen.authentication: basic (username_ref, password_ref) or api_key_ref is required");
    } else {
      p.addAll(authentication.problems("adyen.authentication"));
    }
    if (firstBatch < 1 || firstBatch > MAX_BATCH) {
      p.add("adyen.first_batch: must be 1-" + MAX_BATCH);
    }
    if (maxReportsPerPoll < 1 || maxReportsPerPoll > MAX_REPORTS_PER_POLL_CEILING) {
      p.add("adyen.max_reports_per_poll: must be 1-" + MAX_REPORTS_PER_POLL_CEILING);
    }
    if (formatHint != null && !FORMAT_HINT.matcher(formatHint).matches()) {
      p.add("adyen.format_hint: must match " + FORMAT_HINT.pattern());
    }
    return p;
  }

  /** The offset partition: one series per merchant account and report name pattern. */
  public String partition() {
    return merchantAccount + "/" + reportNamePattern;
  }
}
