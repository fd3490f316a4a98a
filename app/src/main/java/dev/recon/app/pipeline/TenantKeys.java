package dev.recon.app.pipeline;

import dev.recon.schemas.BankLine;
import dev.recon.schemas.DeadLetter;
import dev.recon.schemas.ExceptionResolution;
import dev.recon.schemas.ExpectedPayment;
import dev.recon.schemas.JournalEntry;
import dev.recon.schemas.Match;
import dev.recon.schemas.PaymentEvent;
import dev.recon.schemas.ReconException;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.serialization.SerializationSchema;

/** Kafka record keys: every topic is keyed by tenant, so one tenant's records stay in order. */
final class TenantKeys {
  private TenantKeys() {}

  static SerializationSchema<PaymentEvent> payment() {
    return e -> bytes(e.getProvenance().getTenantId());
  }

  static SerializationSchema<ExpectedPayment> expected() {
    return e -> bytes(e.getProvenance().getTenantId());
  }

  static SerializationSchema<BankLine> bank() {
    return e -> bytes(e.getProvenance().getTenantId());
  }

  static SerializationSchema<DeadLetter> deadLetter() {
    return e -> bytes(e.getProvenance().getTenantId());
  }

  static SerializationSchema<Match> match() {
    return e -> bytes(e.getTenantId());
  }

  static SerializationSchema<ReconException> exception() {
    return e -> bytes(e.getTenantId());
  }

  static SerializationSchema<ExceptionResolution> resolution() {
    return r -> bytes(r.getTenantId());
  }

  static SerializationSchema<JournalEntry> journal() {
    return e -> bytes(e.getTenantId());
  }

  private static byte[] bytes(String tenant) {
    return tenant.getBytes(StandardCharsets.UTF_8);
  }
}
