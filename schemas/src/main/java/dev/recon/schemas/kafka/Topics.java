package dev.recon.schemas.kafka;

import java.util.List;

/** Kafka topic names: a contract between connectors, jobs and anyone who consumes our output. */
public final class Topics {
  /** Raw bytes with provenance, as connectors received them. Key: tenant. */
  public static final String RAW = "recon.raw";

  /** Canonical PSP transactions and payouts. Key: tenant. */
  public static final String PAYMENT_EVENTS = "recon.events.payments";

  /** Canonical expected payments from the tenant's own systems. Key: tenant. */
  public static final String EXPECTED_PAYMENTS = "recon.events.expected";

  /** Canonical bank statement lines. Key: tenant. */
  public static final String BANK_LINES = "recon.events.bank";

  /** Input that could not be parsed, with file, line, field and reason. Key: tenant. */
  public static final String DEAD_LETTERS = "recon.deadletter";

  /** Matches of every level. Key: tenant. */
  public static final String MATCHES = "recon.matches";

  /** Breaks raised by matching. Key: tenant. */
  public static final String EXCEPTIONS = "recon.exceptions";

  /** Journal entries as posted to the ledger. Key: tenant. */
  public static final String JOURNAL = "recon.journal";

  /** Manual decisions: proposals and their four-eyes approvals or rejections. Key: tenant. */
  public static final String DECISIONS = "recon.decisions";

  /** The trail of breaks resolved after they were raised (late matches, decisions). Key: tenant. */
  public static final String EXCEPTION_RESOLUTIONS = "recon.exceptions.resolved";

  public static final List<String> ALL =
      List.of(
          RAW,
          PAYMENT_EVENTS,
          EXPECTED_PAYMENTS,
          BANK_LINES,
          DEAD_LETTERS,
          MATCHES,
          EXCEPTIONS,
          JOURNAL,
          DECISIONS,
          EXCEPTION_RESOLUTIONS);

  /** Raw records carry whole files; connectors refuse anything larger before it reaches Kafka. */
  public static final int MAX_RAW_RECORD_BYTES = 8 * 1024 * 1024;

  /**
   * Topic and producer message size limit, with headroom for the Avro envelope over the payload.
   */
  public static final int MAX_MESSAGE_BYTES = MAX_RAW_RECORD_BYTES + 64 * 1024;

  private Topics() {}
}
