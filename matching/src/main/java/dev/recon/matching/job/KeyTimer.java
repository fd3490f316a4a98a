package dev.recon.matching.job;

import java.io.IOException;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.streaming.api.TimerService;

/**
 * The one event-time timer a key holds, remembered in state so it can be moved or deleted: a
 * decided key must leave no timer behind.
 */
final class KeyTimer {

  private final ValueState<Long> registered;

  KeyTimer(ValueState<Long> registered) {
    this.registered = registered;
  }

  /** Moves the timer later if {@code at} is later than the one registered (or registers it). */
  void extendTo(TimerService timers, long at) throws IOException {
    Long current = registered.value();
    if (current == null || at > current) {
      moveTo(timers, at);
    }
  }

  /** Moves the timer earlier if {@code at} is earlier than the one registered (or registers it). */
  void bringForwardTo(TimerService timers, long at) throws IOException {
    Long current = registered.value();
    if (current == null || at < current) {
      moveTo(timers, at);
    }
  }

  /** Makes {@code at} the key's only timer. */
  void moveTo(TimerService timers, long at) throws IOException {
    Long current = registered.value();
    if (current != null && current == at) {
      return;
    }
    if (current != null) {
      timers.deleteEventTimeTimer(current);
    }
    timers.registerEventTimeTimer(at);
    registered.update(at);
  }

  /** The registered timer, or null when there is none. */
  Long registered() throws IOException {
    return registered.value();
  }

  /**
   * Called from onTimer: true when {@code timestamp} is this timer, which is then no longer
   * registered.
   */
  boolean fired(long timestamp) throws IOException {
    Long current = registered.value();
    if (current != null && current == timestamp) {
      registered.clear();
      return true;
    }
    return false;
  }

  void cancel(TimerService timers) throws IOException {
    Long current = registered.value();
    if (current != null) {
      timers.deleteEventTimeTimer(current);
    }
    registered.clear();
  }
}
