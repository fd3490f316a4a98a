package dev.recon.app.platform;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * A Kafka cluster as every client of recon connects to it: the bootstrap servers and the security
 * settings. Each admin client, consumer, producer and Flink source or sink starts from {@link
 * #properties()} (or {@link #applyTo}), so they all share one way in.
 */
public record KafkaConnection(String bootstrap, KafkaSecurity security) {
  public KafkaConnection {
    Objects.requireNonNull(bootstrap, "bootstrap");
    Objects.requireNonNull(security, "security");
    if (bootstrap.isBlank()) {
      throw new IllegalArgumentException("Kafka bootstrap servers are blank");
    }
  }

  /** A cluster without encryption or login: the embedded broker, tests and benchmarks. */
  public static KafkaConnection plaintext(String bootstrap) {
    return new KafkaConnection(bootstrap, KafkaSecurity.plaintext());
  }

  /** Fresh client properties: {@code bootstrap.servers} plus the security settings. */
  public Properties properties() {
    Properties p = new Properties();
    applyTo(p);
    return p;
  }

  /** As {@link #properties()}, as a map (for {@code Admin.create(Map)}). */
  public Map<String, Object> asMap() {
    Map<String, Object> m = new HashMap<>();
    m.put("bootstrap.servers", bootstrap);
    m.putAll(security.clientProperties());
    return m;
  }

  /** Adds {@code bootstrap.servers} and the security settings to {@code clientProperties}. */
  public Properties applyTo(Properties clientProperties) {
    clientProperties.put("bootstrap.servers", bootstrap);
    clientProperties.putAll(security.clientProperties());
    return clientProperties;
  }

  @Override
  public String toString() {
    return bootstrap + " (" + security + ")";
  }
}
