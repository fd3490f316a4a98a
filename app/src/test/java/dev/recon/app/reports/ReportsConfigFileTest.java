package dev.recon.app.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recon.ingestion.secret.EnvironmentSecrets;
import dev.recon.ingestion.secret.SecretResolver;
import dev.recon.reporting.delivery.ReportKind;
import dev.recon.reporting.delivery.ReportSchedule;
import dev.recon.reporting.delivery.ScheduledReport;
import dev.recon.reporting.export.ExportFormat;
import dev.recon.reporting.render.ReportFormat;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReportsConfigFileTest {

  static final String SMTP_PASSWORD = "s3cret-smtp-password-value";

  static SecretResolver secrets() {
    return new SecretResolver(
        List.of(new EnvironmentSecrets(Map.of("SMTP_PW", SMTP_PASSWORD))),
        SecretResolver.DEFAULT_TTL,
        Clock.systemUTC());
  }

  static ReportsConfigFile.Contents parse(String yaml) {
    return ReportsConfigFile.parse(yaml, "recon.yaml", secrets());
  }

  @Test
  void theSectionsAreReadIntoSchedulesADestinationMailAndExports() {
    ReportsConfigFile.Contents c =
        parse(
            """
            connectors: {}
            reports:
              destination: /data/reports
              smtp: {host: smtp.example.com, username: recon@example.com,
                     password: "env:SMTP_PW", from: recon@example.com}
              schedules:
                - tenant: acme
                  kind: month-end
                  schedule: "0 6 1 * *"
                  zone: Europe/Amsterdam
                  formats: [html, pdf]
                  recipients: [finance@acme.example]
                - {tenant: globex, kind: month-end, schedule: "0 7 2 * *", formats: [xlsx]}
            exports:
              schedule: "0 2 * * *"
              tenants: [acme, globex]
              formats: [csv, parquet]
              datasets: [postings]
              destination: s3://analytics/recon
              region: eu-central-1
            """);

    assertThat(c.errors()).isEmpty();
    ReportsPlan plan = c.plan();
    assertThat(plan.reports())
        .containsExactly(
            new ScheduledReport(
                "acme",
                ReportKind.MONTH_END,
                "0 6 1 * *",
                ZoneId.of("Europe/Amsterdam"),
                Set.of(ReportFormat.HTML, ReportFormat.PDF),
                List.of("finance@acme.example")),
            new ScheduledReport(
                "globex",
                ReportKind.MONTH_END,
                "0 7 2 * *",
                ZoneOffset.UTC,
                Set.of(ReportFormat.XLSX),
                List.of()));
    assertThat(plan.destination().orElseThrow().folder()).isEqualTo(Path.of("/data/reports"));
    SmtpPlan smtp = plan.smtp().orElseThrow();
    assertThat(smtp.port()).isEqualTo(587);
    assertThat(smtp.startTls()).isTrue();
    assertThat(smtp.settings(secrets()).password()).isEqualTo(SMTP_PASSWORD);
    ExportPlan exports = plan.exports().orElseThrow();
    assertThat(exports.tenants()).containsExactly("acme", "globex");
    assertThat(exports.formats()).containsExactlyInAnyOrder(ExportFormat.CSV, ExportFormat.PARQUET);
    assertThat(exports.datasets()).containsExactly("postings");
    assertThat(exports.to().bucket()).isEqualTo("analytics");
    assertThat(exports.to().prefix()).isEqualTo("recon/");
    assertThat(exports.to().region()).isEqualTo("eu-central-1");
  }

  @Test
  void noSectionsMeanNothingScheduled() {
    ReportsConfigFile.Contents c = parse("connectors: {}\n");
    assertThat(c.errors()).isEmpty();
    assertThat(c.plan().isEmpty()).isTrue();
    assertThat(ReportsConfigFile.read(null, secrets()).plan().isEmpty()).isTrue();
  }

  @Test
  void everyProblemIsListedAtOnceWithItsKeyPath() {
    List<String> errors =
        parse(
                """
                reports:
                  s3Endpoint: "ftp://nowhere"
                  schedules:
                    - tenant: "no tenant!"
                      kind: quarterly
                      schedule: "99 * * * *"
                      zone: Nowhere/Land
                      formats: [html, docx]
                      recipients: [finance@acme.example, "not an address"]
                    - {tenant: acme, schedule: "0 6 1 * *", formats: []}
                exports:
                  schedule: "0 2 * * *"
                  tenants: [acme, acme, "bad tenant"]
                  formats: [orc]
                  datasets: [everything]
                """)
            .errors();

    assertThat(errors)
        .containsExactlyInAnyOrder(
            "recon.yaml: reports.schedules[0].tenant: missing or not a tenant id",
            "recon.yaml: reports.schedules[0].kind: 'quarterly' is not daily or month-end",
            "recon.yaml: reports.schedules[0].zone: 'Nowhere/Land' is not a time zone",
            errors.stream()
                .filter(e -> e.startsWith("recon.yaml: reports.schedules[0].schedule: "))
                .findFirst()
                .orElse("a cron error of schedules[0]"),
            "recon.yaml: reports.schedules[0].formats[1]: not one of html, pdf, xlsx, csv",
            "recon.yaml: reports.schedules[0].recipients[1]: not an email address",
            "recon.yaml: reports.schedules[1].kind: missing (daily or month-end)",
            "recon.yaml: reports.schedules[1].formats: missing (one or more of html, pdf, xlsx,"
                + " csv)",
            "recon.yaml: reports.destination: missing (a folder or s3://bucket/prefix/)",
            "recon.yaml: reports.smtp: missing, but schedules name recipients",
            "recon.yaml: exports.tenants[1]: named twice",
            "recon.yaml: exports.tenants[2]: not a tenant id",
            "recon.yaml: exports.formats[0]: not parquet or csv",
            "recon.yaml: exports.datasets[0]: not one of journal_entries, postings, matches,"
                + " exceptions, resolutions",
            "recon.yaml: exports.destination: missing (a folder or s3://bucket/prefix/)");
    assertThat(errors).noneMatch(e -> e.contains("not an address"));
  }

  @Test
  void dailySchedulesAreAcceptedBesideMonthEndOnesAndValidatedAlike() {
    ReportsConfigFile.Contents c =
        parse(
            """
            reports:
              destination: /data/reports
              schedules:
                - {tenant: acme, kind: daily, schedule: "0 7 * * *", zone: Europe/Amsterdam,
                   formats: [html, csv]}
                - {tenant: acme, kind: month-end, schedule: "0 7 1 * *", formats: [pdf]}
            """);
    assertThat(c.errors()).isEmpty();
    assertThat(c.plan().reports())
        .containsExactly(
            new ScheduledReport(
                "acme",
                ReportKind.DAILY,
                "0 7 * * *",
                ZoneId.of("Europe/Amsterdam"),
                Set.of(ReportFormat.HTML, ReportFormat.CSV),
                List.of()),
            new ScheduledReport(
                "acme",
                ReportKind.MONTH_END,
                "0 7 1 * *",
                ZoneOffset.UTC,
                Set.of(ReportFormat.PDF),
                List.of()));

    List<String> errors =
        parse(
                """
                reports:
                  schedules:
                    - {tenant: acme, kind: daily, schedule: "0 7 * * *", formats: [html]}
                    - {tenant: acme, kind: daily, schedule: "0 7 * * *", formats: [csv]}
                    - {tenant: acme, kind: Daily, schedule: "0 25 * * *", formats: []}
                """)
            .errors();
    assertThat(errors)
        .contains(
            "recon.yaml: reports.destination: missing (a folder or s3://bucket/prefix/)",
            "recon.yaml: reports.schedules[1]: the same tenant, kind, schedule and zone as an"
                + " earlier entry",
            "recon.yaml: reports.schedules[2].kind: 'Daily' is not daily or month-end",
            "recon.yaml: reports.schedules[2].formats: missing (one or more of html, pdf, xlsx,"
                + " csv)")
        .anyMatch(e -> e.startsWith("recon.yaml: reports.schedules[2].schedule: "));
    assertThat(
            parse(
                    """
                    reports:
                      destination: /data/reports
                      schedules:
                        - {tenant: acme, kind: daily, schedule: "0 7 * * *", formats: [html]}
                    """)
                .plan()
                .destination())
        .isPresent();
  }

  @Test
  void unknownKeysAndWrongShapesAreNamedWithTheirPath() {
    assertThat(
            parse(
                    """
                    reports:
                      destination: /r
                      schedules:
                        - {tenant: acme, kind: month-end, schedule: "0 6 1 * *", formats: [html], cron: x}
                    exports: [not, a, mapping]
                    """)
                .errors())
        .hasSize(2)
        .anySatisfy(
            e ->
                assertThat(e)
                    .startsWith("recon.yaml: reports.schedules[0].cron: unknown key (known: "))
        .anySatisfy(e -> assertThat(e).isEqualTo("recon.yaml: exports: not the expected shape"));
  }

  @Test
  void theSmtpPasswordIsAReferenceAndNeitherItNorItsValueIsEverPrinted() {
    String literal = "hunter2-literal-password";
    List<String> literalErrors =
        parse(smtpWith("password: \"" + literal + "\"", "username: recon@example.com")).errors();
    assertThat(literalErrors)
        .singleElement()
        .satisfies(
            e ->
                assertThat(e)
                    .startsWith("recon.yaml: reports.smtp.password: secret reference must start")
                    .doesNotContain(literal));

    List<String> unresolved =
        parse(smtpWith("password: \"env:NOT_SET\"", "username: recon@example.com")).errors();
    assertThat(unresolved)
        .containsExactly(
            "recon.yaml: reports.smtp.password: secret reference cannot be resolved: env:NOT_SET");

    ReportsConfigFile.Contents ok =
        parse(smtpWith("password: \"env:SMTP_PW\"", "username: recon@example.com"));
    assertThat(ok.errors()).isEmpty();
    assertThat(ok.plan().toString()).doesNotContain(SMTP_PASSWORD);
    assertThat(ok.plan().smtp().orElseThrow().settings(secrets()).toString())
        .doesNotContain(SMTP_PASSWORD);

    assertThat(parse(smtpWith("port: 0", "username: recon@example.com")).errors())
        .containsExactlyInAnyOrder(
            "recon.yaml: reports.smtp.port: must be 1-65535",
            "recon.yaml: reports.smtp.password: missing (a secret reference: env:, file: or"
                + " aws-sm:)");
  }

  private static String smtpWith(String line1, String line2) {
    return """
        reports:
          destination: /data/reports
          smtp:
            host: 127.0.0.1
            from: recon@example.com
            %s
            %s
          schedules:
            - {tenant: acme, kind: month-end, schedule: "0 6 1 * *", formats: [html],
               recipients: [finance@acme.example]}
        """
        .formatted(line1, line2);
  }

  @Test
  void limitsOnSchedulesRecipientsAndTenantsAreEnforced() {
    StringBuilder many = new StringBuilder("reports:\n  destination: /r\n  schedules:\n");
    for (int i = 0; i <= ReportSchedule.MAX_SCHEDULES; i++) {
      many.append("    - {tenant: t")
          .append(i)
          .append(", kind: month-end, schedule: \"0 6 1 * *\", formats: [csv]}\n");
    }
    assertThat(parse(many.toString()).errors())
        .containsExactly(
            "recon.yaml: reports.schedules: more than "
                + ReportSchedule.MAX_SCHEDULES
                + " schedules");

    StringBuilder recipients = new StringBuilder();
    for (int i = 0; i <= 50; i++) {
      recipients.append(i == 0 ? "" : ", ").append("r").append(i).append("@acme.example");
    }
    assertThat(
            parse(
                    """
                    reports:
                      destination: /r
                      smtp: {host: 127.0.0.1, from: recon@example.com}
                      schedules:
                        - {tenant: acme, kind: month-end, schedule: "0 6 1 * *", formats: [csv],
                           recipients: [%s]}
                    """
                        .formatted(recipients))
                .errors())
        .containsExactly("recon.yaml: reports.schedules[0].recipients: more than 50");

    StringBuilder tenants = new StringBuilder();
    for (int i = 0; i <= ReportsConfigFile.MAX_EXPORT_TENANTS; i++) {
      tenants.append(i == 0 ? "" : ", ").append("t").append(i);
    }
    assertThat(
            parse(
                    """
                    exports: {schedule: "0 2 * * *", destination: /x, tenants: [%s]}
                    """
                        .formatted(tenants))
                .errors())
        .containsExactly(
            "recon.yaml: exports.tenants: more than " + ReportsConfigFile.MAX_EXPORT_TENANTS);

    assertThat(
            parse(
                    """
                    reports:
                      destination: /r
                      schedules:
                        - {tenant: acme, kind: month-end, schedule: "0 6 1 * *", formats: [csv]}
                        - {tenant: acme, kind: month-end, schedule: "0 6 1 * *", formats: [pdf]}
                    """)
                .errors())
        .containsExactly(
            "recon.yaml: reports.schedules[1]: the same tenant, kind, schedule and zone as an"
                + " earlier entry");
  }
}
