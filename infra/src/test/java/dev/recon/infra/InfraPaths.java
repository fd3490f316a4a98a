package dev.recon.infra;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the module's files are, whether the tests run from the module folder or the repository. */
final class InfraPaths {
  private InfraPaths() {}

  /** The infra module folder: Maven runs tests there; an IDE may run them from the repository. */
  static Path module() {
    Path here = Path.of("").toAbsolutePath();
    for (Path candidate : new Path[] {here, here.resolve("infra")}) {
      if (Files.isDirectory(candidate.resolve("terraform"))
          && Files.isDirectory(candidate.resolve("hcl-check"))) {
        return candidate;
      }
    }
    throw new IllegalStateException("Cannot find the infra module from " + here);
  }

  /** The repository root, whose modules define the metrics the monitoring assets name. */
  static Path repository() {
    return module().getParent();
  }

  static Path terraform() {
    return module().resolve("terraform");
  }

  static Path kubernetes() {
    return module().resolve("kubernetes");
  }

  static Path monitoring() {
    return module().resolve("monitoring");
  }

  /** A folder of broken files under src/test/resources/fixtures that the checks must reject. */
  static Path fixture(String name) {
    return module().resolve("src/test/resources/fixtures").resolve(name);
  }
}
