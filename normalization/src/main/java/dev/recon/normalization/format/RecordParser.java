package dev.recon.normalization.format;

import dev.recon.schemas.Provenance;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/**
 * Parses one file of one format into canonical records. One implementation per format; a parser is
 * pure (no I/O, no clock, no shared state), so the same bytes always give the same result, and it
 * never throws for bad input: a bad row becomes a {@link ParseError} and parsing goes on.
 */
public interface RecordParser {

  Format format();

  /**
   * Parses the file, handing each canonical record to {@code sink} in file order as soon as it is
   * read, so the records of a large file are never all held at once.
   *
   * @param payload the whole file as received
   * @param provenance where the file came from; each record gets a copy with its own line
   * @return errors, findings and control totals of the whole file; its records are empty (they went
   *     to the sink)
   */
  ParseResult parse(byte[] payload, Provenance provenance, RecordSink sink);

  /**
   * Parses the file and collects its records into the result: the same records, errors, findings
   * and totals as the streaming {@link #parse(byte[], Provenance, RecordSink)}.
   */
  default ParseResult parse(byte[] payload, Provenance provenance) {
    List<SpecificRecord> records = new ArrayList<>();
    return parse(payload, provenance, records::add).withRecords(records);
  }
}
