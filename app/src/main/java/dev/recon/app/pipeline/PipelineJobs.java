package dev.recon.app.pipeline;

import dev.recon.ledger.sink.LedgerConnectionSpec;
import dev.recon.ledger.sink.LedgerSink;
import dev.recon.matching.job.JournalPoster;
import dev.recon.matching.job.MatchingJob;
import dev.recon.matching.job.MatchingSettings;
import dev.recon.normalization.job.NormalizationJob;
import dev.recon.schemas.BankLine;
import dev.recon.schemas.DeadLetter;
import dev.recon.schemas.ExceptionResolution;
import dev.recon.schemas.ExpectedPayment;
import dev.recon.schemas.JournalEntry;
import dev.recon.schemas.ManualDecision;
import dev.recon.schemas.Match;
import dev.recon.schemas.PaymentEvent;
import dev.recon.schemas.RawRecord;
import dev.recon.schemas.ReconException;
import dev.recon.schemas.kafka.Topics;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The two long-running jobs over the platform's main topics, added to an environment: the same
 * graphs (operator uids, consumer groups, transactional ids) whether {@code recon run} starts them
 * or a Flink cluster runs them from the job jar, so a savepoint of one restores in the other.
 */
public final class PipelineJobs {
  private PipelineJobs() {}

  /** Raw records to the canonical topics and the dead-letter topic. */
  public static void addNormalization(StreamExecutionEnvironment env, KafkaEndpoints kafka) {
    String job = StreamingPipeline.NORMALIZE_JOB;
    new NormalizationJob(
            kafka.continuousSource(Topics.RAW, RawRecord.class, job),
            kafka.exactlyOnceSink(
                Topics.PAYMENT_EVENTS, PaymentEvent.class, TenantKeys.payment(), "recon-n-pay"),
            kafka.exactlyOnceSink(
                Topics.EXPECTED_PAYMENTS,
                ExpectedPayment.class,
                TenantKeys.expected(),
                "recon-n-exp"),
            kafka.exactlyOnceSink(
                Topics.BANK_LINES, BankLine.class, TenantKeys.bank(), "recon-n-bank"),
            kafka.exactlyOnceSink(
                Topics.DEAD_LETTERS, DeadLetter.class, TenantKeys.deadLetter(), "recon-n-dlq"))
        .addTo(env);
  }

  /**
   * Canonical records and manual decisions to matches, exceptions, their resolutions and the ledger
   * (written as {@code ledger}'s login, row-level security applying), each match booked by {@code
   * poster} (the tenants' posting tables).
   */
  public static void addMatching(
      StreamExecutionEnvironment env,
      KafkaEndpoints kafka,
      LedgerConnectionSpec ledger,
      JournalPoster poster,
      MatchingSettings settings) {
    String job = StreamingPipeline.MATCH_JOB;
    new MatchingJob(
            kafka.continuousSource(Topics.EXPECTED_PAYMENTS, ExpectedPayment.class, job),
            kafka.continuousSource(Topics.PAYMENT_EVENTS, PaymentEvent.class, job),
            kafka.continuousSource(Topics.BANK_LINES, BankLine.class, job),
            // proposals and four-eyes approvals from people, applied once approved
            kafka.continuousSource(Topics.DECISIONS, ManualDecision.class, job),
            kafka.exactlyOnceSink(Topics.MATCHES, Match.class, TenantKeys.match(), "recon-m-match"),
            kafka.exactlyOnceSink(
                Topics.EXCEPTIONS, ReconException.class, TenantKeys.exception(), "recon-m-exc"),
            // the trail of breaks resolved after they were raised: late matches, decisions
            kafka.exactlyOnceSink(
                Topics.EXCEPTION_RESOLUTIONS,
                ExceptionResolution.class,
                TenantKeys.resolution(),
                "recon-m-res"),
            new LedgerSink(ledger),
            poster,
            settings)
        // every booked entry also goes to recon.journal for consumers downstream of the ledger
        .withJournalTopic(
            kafka.exactlyOnceSink(
                Topics.JOURNAL, JournalEntry.class, TenantKeys.journal(), "recon-m-jrn"))
        .addTo(env);
  }
}
