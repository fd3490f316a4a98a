package dev.recon.normalization.format;

import dev.recon.schemas.Provenance;

/**
 * Parses one file of one format into canonical records. One implementation per format; a parser is
 * pure (no I/O, no clock, no shared state), so the same bytes always give the same result, and it
 * never throws for bad input: a bad row becomes a {@link ParseError} and parsing goes on.
 */
public interface RecordParser {

  Format format();

  /**
   * @param payload the whole file as received
   * @param provenance where the file came from; each record gets a copy with its own line
   */
  ParseResult parse(byte[] payload, Provenance provenance);
}
