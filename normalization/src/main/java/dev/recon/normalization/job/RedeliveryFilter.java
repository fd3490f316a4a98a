package dev.recon.normalization.job;

import dev.recon.schemas.RawRecord;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Passes on the first delivery of each raw file and drops repeats, keyed by {@link RawDeliveryKey}.
 * A repeat is expected behaviour of at-least-once connectors, not bad input: it is counted and
 * logged, not dead-lettered. The "already normalized" flag expires after the redelivery window
 * through state TTL, which the state backend cleans up; no timers are registered.
 */
final class RedeliveryFilter extends KeyedProcessFunction<String, RawRecord, RawRecord> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(RedeliveryFilter.class);

  static final String STATE_NAME = "already-normalized";

  private final Duration redeliveryWindow;
  private transient ValueState<Boolean> alreadyNormalized;
  private transient Counter redeliveriesDropped;

  RedeliveryFilter(Duration redeliveryWindow) {
    this.redeliveryWindow = redeliveryWindow;
  }

  @Override
  public void open(OpenContext openContext) {
    ValueStateDescriptor<Boolean> descriptor =
        new ValueStateDescriptor<>(STATE_NAME, Types.BOOLEAN);
    descriptor.enableTimeToLive(
        StateTtlConfig.newBuilder(redeliveryWindow)
            .updateTtlOnCreateAndWrite()
            .neverReturnExpired()
            .cleanupFullSnapshot()
            .build());
    alreadyNormalized = getRuntimeContext().getState(descriptor);
    redeliveriesDropped = getRuntimeContext().getMetricGroup().counter("redeliveriesDropped");
  }

  @Override
  public void processElement(RawRecord raw, Context ctx, Collector<RawRecord> out)
      throws Exception {
    switch (Delivery.of(Boolean.TRUE.equals(alreadyNormalized.value()))) {
      case FIRST -> {
        alreadyNormalized.update(Boolean.TRUE);
        out.collect(raw);
      }
      case REPEAT -> {
        redeliveriesDropped.inc();
        LOG.info(
            "redelivery dropped: raw_id={} tenant={} source={} sha256={} (normalized before)",
            raw.getRawId(),
            raw.getProvenance().getTenantId(),
            raw.getProvenance().getSource(),
            raw.getProvenance().getContentSha256());
      }
    }
  }
}
