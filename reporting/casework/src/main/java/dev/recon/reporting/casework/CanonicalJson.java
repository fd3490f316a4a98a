package dev.recon.reporting.casework;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.io.JsonEncoder;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecordBase;

/** A canonical record as Avro's own JSON encoding of its schema, so nothing is lost or renamed. */
final class CanonicalJson {

  private CanonicalJson() {}

  @SuppressWarnings("unchecked")
  static <T extends SpecificRecordBase> String of(T record) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      JsonEncoder encoder = EncoderFactory.get().jsonEncoder(record.getSchema(), out);
      new SpecificDatumWriter<>((Class<T>) record.getClass()).write(record, encoder);
      encoder.flush();
      return out.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory", e);
    }
  }
}
