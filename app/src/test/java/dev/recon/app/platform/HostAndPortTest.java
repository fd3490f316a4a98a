package dev.recon.app.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HostAndPortTest {
  @Test
  void parsesHostNamesAddressesAndBracketedIpv6() {
    assertThat(HostAndPort.parse("broker-1.example.org:9092"))
        .contains(new HostAndPort("broker-1.example.org", 9092));
    assertThat(HostAndPort.parse("10.0.0.7:8081")).contains(new HostAndPort("10.0.0.7", 8081));
    assertThat(HostAndPort.parse("[::1]:9092")).contains(new HostAndPort("[::1]", 9092));
    assertThat(HostAndPort.parse("h:65535")).isPresent();
  }

  @Test
  void refusesAnythingElse() {
    for (String bad :
        new String[] {
          "",
          "host",
          "host:",
          ":9092",
          "host:0",
          "host:65536",
          "host:12ab",
          "ho st:1",
          "h:1234567",
          "[]:1",
          "[zz]:1",
          "host/x:1"
        }) {
      assertThat(HostAndPort.parse(bad)).as(bad).isEmpty();
    }
  }

  @Test
  void constructorChecksItsInvariants() {
    assertThatThrownBy(() -> new HostAndPort("h", 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new HostAndPort("", 1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void printsAsHostColonPort() {
    assertThat(new HostAndPort("jm", 8081)).hasToString("jm:8081");
  }
}
