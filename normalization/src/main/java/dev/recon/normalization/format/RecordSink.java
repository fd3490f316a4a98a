package dev.recon.normalization.format;

import org.apache.avro.specific.SpecificRecord;

/**
 * Receives a file's canonical records one at a time, in file order, as a parser produces them, so a
 * large file never has to be held as a list of records: the Flink job can emit them, the benchmark
 * can count them, the list API collects them.
 */
@FunctionalInterface
public interface RecordSink {

  /** Takes one canonical record (PaymentEvent, ExpectedPayment or BankLine); never null. */
  void accept(SpecificRecord record);
}
