package dev.recon.app.cluster;

import dev.recon.app.platform.EmbeddedKafkaBroker;
import java.nio.file.Path;

/**
 * A Kafka broker as its own process for the cluster test: recon's embedded KRaft broker, printing
 * its bootstrap servers, until its standard input closes (the test ended or died).
 */
public final class KafkaBrokerProcess {
  static final String READY = "KAFKA_BOOTSTRAP=";

  private KafkaBrokerProcess() {}

  public static void main(String[] args) throws Exception {
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(Path.of(args[0]))) {
      System.out.println(READY + broker.bootstrapServers());
      System.out.flush();
      while (System.in.read() >= 0) {
        // nothing to read: the parent only closes the pipe
      }
    }
  }
}
