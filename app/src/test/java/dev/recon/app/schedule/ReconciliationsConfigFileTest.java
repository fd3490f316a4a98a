package dev.recon.app.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ReconciliationsConfigFileTest {

  @Test
  void aScheduleIsReadWithItsZoneAndPatterns() {
    ReconciliationsConfigFile.Contents c =
        ReconciliationsConfigFile.parse(
            """
            connectors: {}
            reconciliations:
              - tenant: acme
                schedule: "0 7 * * 1-5"
                zone: Europe/Amsterdam
                inbox: /data/acme/inbox
                expected: ["expected-payments-*.csv"]
                psp: ["settlement_detail_report_batch_*.csv"]
                bank: ["camt053-*.xml"]
                out: /data/acme/reports
            """,
            "recon.yaml");
    assertThat(c.errors()).isEmpty();
    ReconciliationSchedule s = c.schedules().get(0);
    assertThat(s.schedule().zone().getId()).isEqualTo("Europe/Amsterdam");
    assertThat(s.inbox()).isEqualTo(Path.of("/data/acme/inbox"));
    assertThat(s.taskId()).isEqualTo("reconcile:acme:/data/acme/inbox");
    assertThat(s.rules()).isNull();
  }

  @Test
  void everyProblemIsListedWithItsPlace() {
    var errors =
        ReconciliationsConfigFile.parse(
                """
                reconciliations:
                  - tenant: acme
                    schedule: "99 * * * *"
                    zone: Nowhere/Land
                    expected: ["../etc/*.csv"]
                  - tenant: acme
                    schedule: "0 7 * * *"
                    inbox: /in
                    out: /out
                """,
                "recon.yaml")
            .errors();
    assertThat(errors)
        .anySatisfy(e -> assertThat(e).contains("reconciliations[0].zone"))
        .anySatisfy(e -> assertThat(e).contains("reconciliations[0].inbox: missing"))
        .anySatisfy(e -> assertThat(e).contains("reconciliations[0].out: missing"))
        .anySatisfy(e -> assertThat(e).contains("must name files in the inbox only"))
        .anySatisfy(e -> assertThat(e).contains("reconciliations[1]: give at least one of"));
  }

  @Test
  void anUnknownKeyIsRefused() {
    assertThat(
            ReconciliationsConfigFile.parse(
                    "reconciliations:\n  - {tenant: acme, shedule: \"0 7 * * *\"}\n", "recon.yaml")
                .errors())
        .singleElement()
        .satisfies(e -> assertThat(e).startsWith("recon.yaml: reconciliations"));
  }
}
