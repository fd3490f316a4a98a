package dev.recon.ingestion.webhook.limit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recon.ingestion.webhook.config.TenantWebhooks;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class BoundedBodyTest {

  /** An endless body that counts what was taken from it. */
  static final class Endless extends InputStream {
    long served;

    @Override
    public int read() {
      served++;
      return 'x';
    }

    @Override
    public int read(byte[] b, int off, int len) {
      java.util.Arrays.fill(b, off, off + len, (byte) 'x');
      served += len;
      return len;
    }
  }

  @Test
  void aBodyAtTheLimitIsRead() throws Exception {
    assertThat(BoundedBody.read(new ByteArrayInputStream(new byte[1024]), 1024))
        .hasValueSatisfying(b -> assertThat(b).hasSize(1024));
    assertThat(BoundedBody.read(new ByteArrayInputStream(new byte[0]), 1024))
        .hasValueSatisfying(b -> assertThat(b).isEmpty());
  }

  @Test
  void oneByteOverIsRefused() throws Exception {
    assertThat(BoundedBody.read(new ByteArrayInputStream(new byte[1025]), 1024)).isEmpty();
  }

  @Test
  void anEndlessBodyIsCutOffRightAfterTheLimit() throws Exception {
    Endless endless = new Endless();
    assertThat(BoundedBody.read(endless, TenantWebhooks.DEFAULT_MAX_BODY_BYTES)).isEmpty();
    assertThat(endless.served).isEqualTo(TenantWebhooks.DEFAULT_MAX_BODY_BYTES + 1L);
  }

  @Test
  void aDeclaredLengthOverTheLimitIsRefusedBeforeReading() {
    assertThat(BoundedBody.declaredTooLarge(1025, 1024)).isTrue();
    assertThat(BoundedBody.declaredTooLarge(1024, 1024)).isFalse();
    assertThat(BoundedBody.declaredTooLarge(-1, 1024)).isFalse();
  }

  @Test
  void theDefaultLimitIsOneMebibyteAndTheCeilingTheRawTopicLimit() {
    assertThat(TenantWebhooks.DEFAULT_MAX_BODY_BYTES).isEqualTo(1024 * 1024);
    assertThat(TenantWebhooks.MAX_BODY_BYTES_CEILING)
        .isEqualTo(dev.recon.schemas.kafka.Topics.MAX_RAW_RECORD_BYTES);
  }
}
