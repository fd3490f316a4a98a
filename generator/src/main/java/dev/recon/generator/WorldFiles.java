package dev.recon.generator;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files of a written world, by the role `recon reconcile` gives them: expected payments, PSP
 * reports and bank statements; then the truth files and the L2 rules the world was made for.
 */
public record WorldFiles(
    Path expected,
    List<Path> psp,
    List<Path> bank,
    Path truthMatches,
    Path truthExceptions,
    Path toleranceRules) {

  public WorldFiles {
    psp = List.copyOf(psp);
    bank = List.copyOf(bank);
  }

  /** The data files a reconciliation reads: expected, then PSP, then bank. */
  public List<Path> inputs() {
    List<Path> all = new ArrayList<>();
    all.add(expected);
    all.addAll(psp);
    all.addAll(bank);
    return all;
  }

  /** Every file written. */
  public List<Path> all() {
    List<Path> all = new ArrayList<>(inputs());
    all.add(truthMatches);
    all.add(truthExceptions);
    all.add(toleranceRules);
    return all;
  }
}
