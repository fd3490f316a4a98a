package dev.recon.matching.job;

import dev.recon.schemas.BankLine;
import dev.recon.schemas.ExceptionResolution;
import dev.recon.schemas.ExpectedPayment;
import dev.recon.schemas.JournalEntry;
import dev.recon.schemas.ManualDecision;
import dev.recon.schemas.Match;
import dev.recon.schemas.PaymentEvent;
import dev.recon.schemas.ReconException;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;

/** Flink type information for every record the job carries: Avro serializers, never Kryo. */
final class AvroTypes {

  static final TypeInformation<ExpectedPayment> EXPECTED_PAYMENT =
      new AvroTypeInfo<>(ExpectedPayment.class);
  static final TypeInformation<PaymentEvent> PAYMENT_EVENT = new AvroTypeInfo<>(PaymentEvent.class);
  static final TypeInformation<BankLine> BANK_LINE = new AvroTypeInfo<>(BankLine.class);
  static final TypeInformation<Match> MATCH = new AvroTypeInfo<>(Match.class);
  static final TypeInformation<ReconException> RECON_EXCEPTION =
      new AvroTypeInfo<>(ReconException.class);
  static final TypeInformation<ExceptionResolution> EXCEPTION_RESOLUTION =
      new AvroTypeInfo<>(ExceptionResolution.class);
  static final TypeInformation<JournalEntry> JOURNAL_ENTRY = new AvroTypeInfo<>(JournalEntry.class);

  static final TypeInformation<ManualDecision> MANUAL_DECISION =
      new AvroTypeInfo<>(ManualDecision.class);

  static final TypeInformation<DecisionAudit> DECISION_AUDIT = Types.POJO(DecisionAudit.class);

  /** A POJO whose record fields are Avro types (Flink's type extractor gives them Avro info). */
  static final TypeInformation<L1Leftover> L1_LEFTOVER = Types.POJO(L1Leftover.class);

  static final TypeInformation<L4Leftover> L4_LEFTOVER = Types.POJO(L4Leftover.class);

  private AvroTypes() {}
}
