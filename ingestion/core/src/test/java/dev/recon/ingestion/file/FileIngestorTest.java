package dev.recon.ingestion.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.apache.kafka.clients.producer.Producer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileIngestorTest {

  /** Nothing listens on port 1: any attempt to publish would fail, proving refusal comes first. */
  private static Producer<String, byte[]> unreachableProducer() {
    return FileIngestor.reliableProducer("127.0.0.1:1");
  }

  @Test
  void refusesAFileOverTheSizeLimitWithoutTouchingKafka(@TempDir Path dir) throws Exception {
    Path big = dir.resolve("big.csv");
    try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
      f.setLength(FileIngestor.MAX_FILE_BYTES + 1);
    }
    try (Producer<String, byte[]> producer = unreachableProducer()) {
      IngestOutcome outcome =
          new FileIngestor(producer, "recon.raw", Clock.systemUTC())
              .ingest(big, new RawFile.Origin("acme", "file:psp", null, "big.csv", null));
      assertThat(outcome).isInstanceOf(IngestOutcome.Refused.class);
      assertThat(((IngestOutcome.Refused) outcome).reason()).contains("over the limit");
    }
  }

  @Test
  void refusesAMissingFile(@TempDir Path dir) {
    Path missing = dir.resolve("nope.csv");
    assertThat(Files.exists(missing)).isFalse();
    try (Producer<String, byte[]> producer = unreachableProducer()) {
      IngestOutcome outcome =
          new FileIngestor(producer, "recon.raw", Clock.systemUTC())
              .ingest(missing, new RawFile.Origin("acme", "file:psp", null, "nope.csv", null));
      assertThat(outcome).isInstanceOf(IngestOutcome.Refused.class);
      assertThat(((IngestOutcome.Refused) outcome).reason()).contains("cannot read file");
    }
  }
}
