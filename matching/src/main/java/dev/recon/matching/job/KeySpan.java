package dev.recon.matching.job;

import java.io.IOException;
import java.time.Duration;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * The earliest and latest event time among a key's records, in state: the key's deadline follows
 * the latest record's window but never passes {@link KeyPolicy#KEY_LIFETIME_WINDOWS} windows after
 * the earliest, whatever order the records came in.
 */
final class KeySpan {

  private final ValueState<Long> earliest;
  private final ValueState<Long> latest;

  private KeySpan(ValueState<Long> earliest, ValueState<Long> latest) {
    this.earliest = earliest;
    this.latest = latest;
  }

  static KeySpan open(RuntimeContext context) {
    return new KeySpan(
        context.getState(new ValueStateDescriptor<>("span-earliest", Types.LONG)),
        context.getState(new ValueStateDescriptor<>("span-latest", Types.LONG)));
  }

  void include(long eventTimeMillis) throws IOException {
    Long first = earliest.value();
    if (first == null || eventTimeMillis < first) {
      earliest.update(eventTimeMillis);
    }
    Long last = latest.value();
    if (last == null || eventTimeMillis > last) {
      latest.update(eventTimeMillis);
    }
  }

  /** The key's deadline; only valid after at least one {@link #include}. */
  long deadline(Duration window) throws IOException {
    return KeyPolicy.deadline(earliest.value(), latest.value(), window);
  }

  /** Whether any record was included since the last {@link #clear}. */
  boolean hasRecords() throws IOException {
    return earliest.value() != null;
  }

  void clear() {
    earliest.clear();
    latest.clear();
  }
}
