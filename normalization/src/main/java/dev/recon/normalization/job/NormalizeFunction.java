package dev.recon.normalization.job;

import dev.recon.normalization.Normalized;
import dev.recon.normalization.Normalizer;
import dev.recon.normalization.format.DataQualityFinding;
import dev.recon.normalization.format.Format;
import dev.recon.normalization.format.ParseResult;
import dev.recon.normalization.format.ParserLimits;
import dev.recon.schemas.BankLine;
import dev.recon.schemas.ExpectedPayment;
import dev.recon.schemas.PaymentEvent;
import dev.recon.schemas.RawRecord;
import java.nio.ByteBuffer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Normalizes each raw file: PaymentEvents on the main output; ExpectedPayments, BankLines and dead
 * letters (one per parse error, one per data-quality finding) on side outputs. Stateless: all the
 * work is the pure {@link Normalizer}.
 */
final class NormalizeFunction extends ProcessFunction<RawRecord, PaymentEvent> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(NormalizeFunction.class);

  private final ParserLimits limits;
  private transient Normalizer normalizer;
  private transient Counter records;
  private transient Counter errors;
  private transient Counter findings;
  private transient DeadLetterMeters deadLetters;

  NormalizeFunction(ParserLimits limits) {
    this.limits = limits;
  }

  @Override
  public void open(OpenContext openContext) {
    normalizer = new Normalizer(limits);
    records = getRuntimeContext().getMetricGroup().counter("canonicalRecords");
    errors = getRuntimeContext().getMetricGroup().counter("parseErrors");
    findings = getRuntimeContext().getMetricGroup().counter("dataQualityFindings");
    deadLetters = new DeadLetterMeters(getRuntimeContext().getMetricGroup());
  }

  @Override
  public void processElement(RawRecord raw, Context ctx, Collector<PaymentEvent> out) {
    String correlationId = raw.getProvenance().getCorrelationId();
    if (correlationId == null) {
      normalize(raw, ctx, out);
      return;
    }
    // The id the connector gave this delivery, on every log line about it (JSON logs: a field).
    try (MDC.MDCCloseable c = MDC.putCloseable("correlation_id", correlationId)) {
      normalize(raw, ctx, out);
    }
  }

  private void normalize(RawRecord raw, Context ctx, Collector<PaymentEvent> out) {
    Normalized normalized =
        normalizer.normalize(bytes(raw.getPayload()), raw.getProvenance(), raw.getFormatHint());
    ParseResult result = normalized.result();
    String format = normalized.format().map(Format::cliName).orElse(null);
    for (SpecificRecord record : result.records()) {
      if (record instanceof PaymentEvent e) {
        out.collect(e);
      } else if (record instanceof ExpectedPayment x) {
        ctx.output(NormalizationJob.EXPECTED_PAYMENTS, x);
      } else if (record instanceof BankLine b) {
        ctx.output(NormalizationJob.BANK_LINES, b);
      } else {
        throw new IllegalStateException("parser produced " + record.getClass().getName());
      }
    }
    for (int i = 0; i < result.errors().size(); i++) {
      ctx.output(
          NormalizationJob.DEAD_LETTERS,
          DeadLetters.ofError(raw, format, result.errors().get(i), i));
    }
    for (int i = 0; i < result.findings().size(); i++) {
      DataQualityFinding finding = result.findings().get(i);
      // Finding messages hold codes, amounts, currencies and line numbers only: safe to log.
      LOG.warn(
          "data quality: tenant={} raw_id={} line={} {}: {}",
          raw.getProvenance().getTenantId(),
          raw.getRawId(),
          finding.line(),
          finding.code(),
          finding.message());
      ctx.output(NormalizationJob.DEAD_LETTERS, DeadLetters.ofFinding(raw, format, finding, i));
      deadLetters.count(format, finding.code(), 1);
    }
    deadLetters.count(format, DeadLetterMeters.PARSE_ERROR, result.errors().size());
    records.inc(result.records().size());
    errors.inc(result.errors().size());
    findings.inc(result.findings().size());
    LOG.info(
        "normalized raw_id={} tenant={} format={} records={} errors={} findings={}",
        raw.getRawId(),
        raw.getProvenance().getTenantId(),
        format,
        result.records().size(),
        result.errors().size(),
        result.findings().size());
  }

  private static byte[] bytes(ByteBuffer payload) {
    ByteBuffer b = payload.duplicate();
    byte[] copy = new byte[b.remaining()];
    b.get(copy);
    return copy;
  }
}
