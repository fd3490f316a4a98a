package dev.recon.normalization.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextDecodingTest {

  @Test
  void utf8WithoutBom() {
    DecodedText t = TextDecoding.decode("Café,€".getBytes(StandardCharsets.UTF_8));
    assertThat(t.text()).isEqualTo("Café,€");
    assertThat(t.charset()).isEqualTo(StandardCharsets.UTF_8);
  }

  @Test
  void utf8BomIsStripped() {
    byte[] bytes = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a', ',', 'b'};
    assertThat(TextDecoding.decode(bytes).text()).isEqualTo("a,b");
  }

  @Test
  void invalidUtf8FallsBackToWindows1252() {
    byte[] bytes = {'C', 'a', 'f', (byte) 0xE9, ' ', (byte) 0x80, '5'};
    DecodedText t = TextDecoding.decode(bytes);
    assertThat(t.text()).isEqualTo("Café €5");
    assertThat(t.charset()).isEqualTo(TextDecoding.WINDOWS_1252);
  }

  @Test
  void utf16WithBom() {
    byte[] le = "\uFEFFa,é".getBytes(StandardCharsets.UTF_16LE);
    byte[] be = "\uFEFFa,é".getBytes(StandardCharsets.UTF_16BE);
    assertThat(TextDecoding.decode(le).text()).isEqualTo("a,é");
    assertThat(TextDecoding.decode(be).text()).isEqualTo("a,é");
  }

  @Test
  void decodesOnlyTheGivenHead() {
    assertThat(TextDecoding.decode("abcdef".getBytes(StandardCharsets.UTF_8), 3).text())
        .isEqualTo("abc");
    assertThat(TextDecoding.decode(new byte[0]).text()).isEmpty();
  }
}
