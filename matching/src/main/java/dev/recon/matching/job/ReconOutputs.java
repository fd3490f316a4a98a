package dev.recon.matching.job;

import dev.recon.matching.model.Break;
import dev.recon.matching.model.MatchedSet;
import dev.recon.matching.model.Resolution;
import dev.recon.schemas.ExceptionResolution;
import dev.recon.schemas.Match;
import dev.recon.schemas.ReconException;
import java.util.function.Consumer;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Where matching operators put their decisions: matches on the main output, breaks and the
 * resolutions of earlier breaks aside.
 */
public final class ReconOutputs {

  /** The side output of every matching operator carrying its breaks. */
  public static final OutputTag<ReconException> BREAKS =
      new OutputTag<>("recon-exceptions", AvroTypes.RECON_EXCEPTION);

  /** The side output carrying the breaks a late match or an approved decision resolved. */
  public static final OutputTag<ExceptionResolution> RESOLUTIONS =
      new OutputTag<>("exception-resolutions", AvroTypes.EXCEPTION_RESOLUTION);

  /** L1's side output carrying what it could not match to L2. */
  public static final OutputTag<L1Leftover> L1_LEFTOVERS =
      new OutputTag<>("l1-leftovers", AvroTypes.L1_LEFTOVER);

  /** L4's side output carrying what its exact-amount rule could not match. */
  public static final OutputTag<L4Leftover> L4_LEFTOVERS =
      new OutputTag<>("l4-leftovers", AvroTypes.L4_LEFTOVER);

  /** The manual decision operator's side output: every step's final outcome. */
  public static final OutputTag<DecisionAudit> DECISION_AUDIT =
      new OutputTag<>("decision-audit", AvroTypes.DECISION_AUDIT);

  private ReconOutputs() {}

  /** Matches to the collector; breaks to {@code breaks}, which dates and converts them. */
  static void emit(Resolution resolution, Collector<Match> matches, Consumer<Break> breaks) {
    for (MatchedSet match : resolution.matches()) {
      matches.collect(match.toAvro());
    }
    for (Break b : resolution.breaks()) {
      breaks.accept(b);
    }
  }
}
