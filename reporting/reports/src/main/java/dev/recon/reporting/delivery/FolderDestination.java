package dev.recon.reporting.delivery;

import dev.recon.reporting.render.ReportDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reports in a folder: {@code <root>/<tenant>/<report>/<period>/<file>}. Each file is written to a
 * temporary name and renamed, so a script watching the folder never reads half a report.
 */
public final class FolderDestination implements ReportDestination {

  private final Path root;

  public FolderDestination(Path root) {
    this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
  }

  @Override
  public List<String> store(ReportBundle bundle) throws IOException {
    Path folder = root.resolve(bundle.folder()).normalize();
    if (!folder.startsWith(root)) {
      throw new IllegalArgumentException("bundle folder leaves the root: " + bundle.folder());
    }
    Files.createDirectories(folder);
    List<String> stored = new ArrayList<>();
    for (ReportDocument document : bundle.documents()) {
      Path target = folder.resolve(document.fileName());
      Path temporary = folder.resolve("." + document.fileName() + ".tmp");
      try {
        Files.write(temporary, document.content());
        Files.move(
            temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException | RuntimeException e) {
        Files.deleteIfExists(temporary);
        throw e;
      }
      stored.add(target.toString());
    }
    return stored;
  }
}
