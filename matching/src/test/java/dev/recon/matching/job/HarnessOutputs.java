package dev.recon.matching.job;

import dev.recon.schemas.ExceptionResolution;
import dev.recon.schemas.ReconException;
import java.util.List;
import java.util.Queue;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.AbstractStreamOperatorTestHarness;

/** What an operator under test put on its side outputs so far. */
final class HarnessOutputs {

  private HarnessOutputs() {}

  static List<ReconException> breaks(AbstractStreamOperatorTestHarness<?> harness) {
    Queue<StreamRecord<ReconException>> side = harness.getSideOutput(ReconOutputs.BREAKS);
    return side == null ? List.of() : side.stream().map(StreamRecord::getValue).toList();
  }

  /** The breaks resolved so far (late matches, approved decisions). */
  static List<ExceptionResolution> resolutions(AbstractStreamOperatorTestHarness<?> harness) {
    Queue<StreamRecord<ExceptionResolution>> side = harness.getSideOutput(ReconOutputs.RESOLUTIONS);
    return side == null ? List.of() : side.stream().map(StreamRecord::getValue).toList();
  }

  /** What L1 passed on to L2 so far. */
  static List<L1Leftover> leftovers(AbstractStreamOperatorTestHarness<?> harness) {
    Queue<StreamRecord<L1Leftover>> side = harness.getSideOutput(ReconOutputs.L1_LEFTOVERS);
    return side == null ? List.of() : side.stream().map(StreamRecord::getValue).toList();
  }
}
