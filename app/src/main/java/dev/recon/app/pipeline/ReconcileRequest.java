package dev.recon.app.pipeline;

import dev.recon.matching.cash.CashRuleSet;
import dev.recon.matching.tolerant.ParsedRuleSet;
import dev.recon.matching.tolerant.ToleranceRuleSet;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One bounded reconciliation over files: the tenant's expected payments, PSP reports and bank
 * statements. {@code formats} forces a format per file; files not in it are auto-detected; {@code
 * toleranceRules} are the L2 rules (the built-in defaults unless the user gave a file), {@code
 * cashRules} the L4 rules of the same file. A {@code dryRun} books nothing in the ledger: its
 * journal shows what would be booked.
 */
public record ReconcileRequest(
    String tenant,
    List<Path> expectedFiles,
    List<Path> pspFiles,
    List<Path> bankFiles,
    Map<Path, String> formats,
    Path outDir,
    Instant asOf,
    ToleranceRuleSet toleranceRules,
    CashRuleSet cashRules,
    boolean dryRun) {

  /** A run that books its matches in the ledger. */
  public ReconcileRequest(
      String tenant,
      List<Path> expectedFiles,
      List<Path> pspFiles,
      List<Path> bankFiles,
      Map<Path, String> formats,
      Path outDir,
      Instant asOf,
      ToleranceRuleSet toleranceRules) {
    this(
        tenant,
        expectedFiles,
        pspFiles,
        bankFiles,
        formats,
        outDir,
        asOf,
        toleranceRules,
        CashRuleSet.none(),
        false);
  }

  public ReconcileRequest {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(outDir, "outDir");
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(toleranceRules, "toleranceRules");
    Objects.requireNonNull(cashRules, "cashRules");
    expectedFiles = List.copyOf(expectedFiles);
    pspFiles = List.copyOf(pspFiles);
    bankFiles = List.copyOf(bankFiles);
    formats = Map.copyOf(formats);
  }

  /** The same run with these rules, written to another folder, booking nothing. */
  public ReconcileRequest dryRunWith(ToleranceRuleSet rules, CashRuleSet cash, Path out) {
    return new ReconcileRequest(
        tenant, expectedFiles, pspFiles, bankFiles, formats, out, asOf, rules, cash, true);
  }

  /** The same run with the rules of a rules file (L2 {@code rules:} and L4 {@code cash:}). */
  public ReconcileRequest withRules(ParsedRuleSet rules) {
    return new ReconcileRequest(
        tenant,
        expectedFiles,
        pspFiles,
        bankFiles,
        formats,
        outDir,
        asOf,
        rules.ruleSet(),
        rules.cashRules(),
        dryRun);
  }

  /** Every input with the role it was given on the command line, in command-line order. */
  public List<Input> inputs() {
    java.util.ArrayList<Input> all = new java.util.ArrayList<>();
    expectedFiles.forEach(f -> all.add(new Input(f, Role.EXPECTED)));
    pspFiles.forEach(f -> all.add(new Input(f, Role.PSP)));
    bankFiles.forEach(f -> all.add(new Input(f, Role.BANK)));
    return all;
  }

  public enum Role {
    EXPECTED,
    PSP,
    BANK
  }

  public record Input(Path file, Role role) {}
}
