package dev.recon.schemas.compat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recon.schemas.JournalEntry;
import dev.recon.schemas.Match;
import dev.recon.schemas.MatchLevel;
import dev.recon.schemas.MatchMember;
import dev.recon.schemas.Posting;
import dev.recon.schemas.RecordKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

/**
 * Data written before the correlation fields existed (the committed baseline's schemas) reads with
 * their defaults: a journal entry without correlation ids, members without a correlation id.
 */
class CorrelationFieldDefaultsTest {

  private static final Instant AT = Instant.parse("2024-03-20T12:00:00Z");

  private static Map<String, Schema> baseline() throws IOException {
    return SchemaCompatibilityCheck.parseAll(
        Path.of("").toAbsolutePath().resolve("compat-baseline"));
  }

  @Test
  void aJournalEntryWrittenWithoutCorrelationIdsReadsWithNone() throws IOException {
    Schema old = baseline().get("dev.recon.schemas.JournalEntry");
    assertThat(old.getField("correlation_ids")).isNull();
    GenericRecord posting =
        new GenericData.Record(old.getField("postings").schema().getElementType());
    posting.put("account", "psp_fees");
    posting.put("debit_minor", 5L);
    posting.put("credit_minor", 0L);
    posting.put("currency", "EUR");
    GenericRecord entry = new GenericData.Record(old);
    entry.put("entry_id", "e-1");
    entry.put("tenant_id", "t1");
    entry.put("booked_at", AT.toEpochMilli());
    entry.put("source_kind", "MATCH_L1");
    entry.put("source_id", "m-1");
    entry.put("description", null);
    entry.put("postings", List.of(posting));

    JournalEntry read = read(write(old, entry), old, JournalEntry.getClassSchema());

    assertThat(read.getEntryId()).isEqualTo("e-1");
    assertThat(read.getPostings())
        .singleElement()
        .extracting(Posting::getAccount)
        .isEqualTo("psp_fees");
    assertThat(read.getCorrelationIds()).isEmpty();
  }

  @Test
  void aMatchWrittenWithoutCorrelationIdsReadsWithNullOnEveryMember() throws IOException {
    Schema old = baseline().get("dev.recon.schemas.Match");
    Schema memberSchema = old.getField("members").schema().getElementType();
    assertThat(memberSchema.getField("correlation_id")).isNull();
    GenericRecord member = new GenericData.Record(memberSchema);
    member.put(
        "record_kind",
        new GenericData.EnumSymbol(memberSchema.getField("record_kind").schema(), "PSP_TXN"));
    member.put("record_id", "psp-1");
    member.put("amount_minor", 1000L);
    member.put("currency", "EUR");
    member.put("event_type", "CAPTURE");
    member.put("fee_minor", 0L);
    member.put("net_minor", 1000L);
    member.put("net_currency", "EUR");
    member.put("psp", "adyen");
    member.put("bank_account", null);
    member.put("event_time", AT.toEpochMilli());
    GenericRecord match = new GenericData.Record(old);
    match.put("match_id", "m-1");
    match.put("tenant_id", "t1");
    match.put("level", new GenericData.EnumSymbol(old.getField("level").schema(), "L1"));
    match.put("rule", "exact");
    match.put("confidence", 100);
    match.put("members", List.of(member, member));
    match.put("matched_at", AT.toEpochMilli());

    Match read = read(write(old, match), old, Match.getClassSchema());

    assertThat(read.getMembers())
        .hasSize(2)
        .allSatisfy(m -> assertThat(m.getCorrelationId()).isNull())
        .allSatisfy(m -> assertThat(m.getRecordId()).isEqualTo("psp-1"));
  }

  @Test
  void theNewFieldsRoundTrip() throws IOException {
    MatchMember member =
        MatchMember.newBuilder()
            .setRecordKind(RecordKind.PSP_TXN)
            .setRecordId("psp-1")
            .setAmountMinor(1000)
            .setCurrency("EUR")
            .setCorrelationId("c-1")
            .build();
    Match match =
        Match.newBuilder()
            .setMatchId("m-1")
            .setTenantId("t1")
            .setLevel(MatchLevel.L1)
            .setRule("exact")
            .setConfidence(100)
            .setMembers(List.of(member))
            .setMatchedAt(AT)
            .build();
    JournalEntry entry =
        JournalEntry.newBuilder()
            .setEntryId("e-1")
            .setTenantId("t1")
            .setBookedAt(AT)
            .setSourceKind("MATCH_L1")
            .setSourceId("m-1")
            .setPostings(List.of())
            .setCorrelationIds(List.of("c-1", "c-2"))
            .build();
    // A builder that never sets the new field gets its default.
    assertThat(JournalEntry.newBuilder(entry).clearCorrelationIds().build().getCorrelationIds())
        .isEmpty();

    assertThat(roundTrip(match, Match.getClassSchema()).getMembers().get(0).getCorrelationId())
        .isEqualTo("c-1");
    assertThat(roundTrip(entry, JournalEntry.getClassSchema()).getCorrelationIds())
        .containsExactly("c-1", "c-2");
  }

  private static byte[] write(Schema schema, GenericRecord record) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
    encoder.flush();
    return out.toByteArray();
  }

  private static <T> T read(byte[] bytes, Schema writer, Schema reader) throws IOException {
    return new SpecificDatumReader<T>(writer, reader)
        .read(null, DecoderFactory.get().binaryDecoder(bytes, null));
  }

  private static <T> T roundTrip(T value, Schema schema) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new SpecificDatumWriter<T>(schema).write(value, encoder);
    encoder.flush();
    return read(out.toByteArray(), schema, schema);
  }
}
