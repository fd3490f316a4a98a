package dev.recon.app.dryrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recon.app.dryrun.RecordOutcomes.RecordKey;
import dev.recon.app.dryrun.RuleChange.Counts;
import dev.recon.app.dryrun.RuleChange.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleChangeTest {

  private static final String MATCHES_HEADER =
      "match_id,level,rule,record_kind,record_id,amount_minor,currency\n";
  private static final String EXCEPTIONS_HEADER =
      "exception_id,reason,record_kind,record_id,amount_minor,currency,detected_at,age_days\n";

  @TempDir Path dir;

  @Test
  void namesEveryRecordWhoseOutcomeChangesAndNothingElse() throws IOException {
    Path current =
        run(
            "current",
            MATCHES_HEADER
                + "m1,L1,EXACT,EXPECTED,o-1,1000,EUR\n"
                + "m1,L1,EXACT,PSP_TXN,psp-1,1000,EUR\n"
                + "m2,L2,tolerance,EXPECTED,o-3,500,EUR\n"
                + "m2,L2,tolerance,PSP_TXN,psp-3,499,EUR\n",
            EXCEPTIONS_HEADER
                + "x1,AMOUNT_MISMATCH,EXPECTED,o-2,1000,EUR,2026-11-01T00:00:00Z,3\n"
                + "x2,AMOUNT_MISMATCH,PSP_TXN,psp-2,990,EUR,2026-11-01T00:00:00Z,3\n");
    Path proposed =
        run(
            "proposed",
            MATCHES_HEADER
                + "m1,L1,EXACT,EXPECTED,o-1,1000,EUR\n"
                + "m1,L1,EXACT,PSP_TXN,psp-1,1000,EUR\n"
                + "m3,L2,wide,EXPECTED,o-2,1000,EUR\n"
                + "m3,L2,wide,PSP_TXN,psp-2,990,EUR\n"
                + "m4,L2,wide,EXPECTED,o-3,500,EUR\n"
                + "m4,L2,wide,PSP_TXN,psp-3,499,EUR\n",
            EXCEPTIONS_HEADER);

    RuleChange change =
        RuleChange.between(RecordOutcomes.read(current), RecordOutcomes.read(proposed));

    assertThat(change.rows())
        .extracting(r -> r.kind() + " " + r.record().recordKind() + ":" + r.record().recordId())
        .containsExactly(
            "NEWLY_MATCHED EXPECTED:o-2",
            "CHANGED EXPECTED:o-3",
            "NEWLY_MATCHED PSP_TXN:psp-2",
            "CHANGED PSP_TXN:psp-3");
    assertThat(change.countsByOutcome())
        .containsEntry("L1 EXACT", new Counts(2, 2))
        .containsEntry("L2 wide", new Counts(0, 4))
        .containsEntry("L2 tolerance", new Counts(2, 0))
        .containsEntry("break AMOUNT_MISMATCH", new Counts(2, 0));
    assertThat(change.summaryLines().get(0))
        .isEqualTo(
            "rule change: 4 record(s) change outcome: 2 newly matched, 0 no longer matched,"
                + " 2 changed");

    Path csv = dir.resolve("rule-change.csv");
    change.writeCsv(csv);
    assertThat(Files.readAllLines(csv))
        .startsWith("change,record_kind,record_id,current,proposed")
        .contains("NEWLY_MATCHED,EXPECTED,o-2,break AMOUNT_MISMATCH,L2 wide");
  }

  @Test
  void aRecordThatLosesItsMatchIsNamed() throws IOException {
    Path current =
        run("a", MATCHES_HEADER + "m1,L2,wide,EXPECTED,o-9,100,EUR\n", EXCEPTIONS_HEADER);
    Path proposed =
        run(
            "b",
            MATCHES_HEADER,
            EXCEPTIONS_HEADER + "x9,MISSING_IN_PSP,EXPECTED,o-9,100,EUR,2026-11-01T00:00:00Z,1\n");

    RuleChange change =
        RuleChange.between(RecordOutcomes.read(current), RecordOutcomes.read(proposed));

    assertThat(change.rows()).hasSize(1);
    assertThat(change.rows().get(0).kind()).isEqualTo(Kind.NO_LONGER_MATCHED);
    assertThat(change.rows().get(0).record()).isEqualTo(new RecordKey("EXPECTED", "o-9"));
  }

  @Test
  void identicalRunsChangeNothing() throws IOException {
    String matches = MATCHES_HEADER + "m1,L1,EXACT,EXPECTED,o-1,1000,EUR\n";
    RuleChange change =
        RuleChange.between(
            RecordOutcomes.read(run("a", matches, EXCEPTIONS_HEADER)),
            RecordOutcomes.read(run("b", matches, EXCEPTIONS_HEADER)));
    assertThat(change.rows()).isEmpty();
  }

  @Test
  void aRunWithoutItsContractFilesIsAnError() {
    assertThatThrownBy(() -> RecordOutcomes.read(dir.resolve("missing")))
        .isInstanceOf(IOException.class);
  }

  private Path run(String name, String matches, String exceptions) throws IOException {
    Path d = Files.createDirectories(dir.resolve(name));
    Files.writeString(d.resolve("matches.csv"), matches);
    Files.writeString(d.resolve("exceptions.csv"), exceptions);
    return d;
  }
}
