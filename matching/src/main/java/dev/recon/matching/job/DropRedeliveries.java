package dev.recon.matching.job;

import java.time.Duration;
import java.util.Objects;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by {@link dev.recon.matching.redelivery.DeliveryFingerprint}: passes the first delivery of
 * a record and drops the same record delivered again within {@code horizon} (event time) of its
 * first delivery, so it is matched and booked once. The key is forgotten when the horizon ends.
 */
final class DropRedeliveries<T> extends KeyedProcessFunction<String, T, T> {

  private static final long serialVersionUID = 1L;

  private final Duration horizon;
  private final SerializableTimestampAssigner<T> eventTime;

  private transient ValueState<Long> forgetAt;
  private transient Counter dropped;

  DropRedeliveries(Duration horizon, SerializableTimestampAssigner<T> eventTime) {
    this.horizon = Objects.requireNonNull(horizon, "horizon");
    this.eventTime = Objects.requireNonNull(eventTime, "eventTime");
  }

  @Override
  public void open(OpenContext openContext) {
    forgetAt = getRuntimeContext().getState(new ValueStateDescriptor<>("forget-at", Types.LONG));
    dropped = getRuntimeContext().getMetricGroup().counter("redeliveriesDropped");
  }

  @Override
  public void processElement(T record, Context ctx, Collector<T> out) throws Exception {
    if (forgetAt.value() != null) {
      dropped.inc();
      return;
    }
    long at = Math.addExact(eventTime.extractTimestamp(record, Long.MIN_VALUE), horizon.toMillis());
    forgetAt.update(at);
    ctx.timerService().registerEventTimeTimer(at);
    out.collect(record);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<T> out) {
    forgetAt.clear();
  }
}
