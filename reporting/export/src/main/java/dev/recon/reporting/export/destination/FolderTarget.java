package dev.recon.reporting.export.destination;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A local folder. Files are written under a temporary name in their final folder and then renamed
 * atomically, so a reader never sees a partial file.
 */
public final class FolderTarget implements ExportTarget {

  private static final String TEMP_SUFFIX = ".partial";

  private final Path root;

  public FolderTarget(Path root) {
    this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  @Override
  public void put(String key, Path file) throws IOException {
    Path dest = resolve(key);
    Files.createDirectories(dest.getParent());
    Path temp = dest.resolveSibling(dest.getFileName() + TEMP_SUFFIX);
    Files.copy(file, temp, StandardCopyOption.REPLACE_EXISTING);
    Files.move(temp, dest, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  @Override
  public void put(String key, byte[] bytes) throws IOException {
    Path dest = resolve(key);
    Files.createDirectories(dest.getParent());
    Path temp = dest.resolveSibling(dest.getFileName() + TEMP_SUFFIX);
    Files.write(temp, bytes);
    Files.move(temp, dest, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  @Override
  public void delete(String key) throws IOException {
    Files.deleteIfExists(resolve(key));
  }

  @Override
  public List<String> list(String prefix) throws IOException {
    Path dir = root.resolve(ExportTarget.requirePrefix(prefix)).normalize();
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<String> keys = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      files
          .filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().endsWith(TEMP_SUFFIX))
          .forEach(p -> keys.add(root.relativize(p).toString().replace('\\', '/')));
    }
    keys.sort(null);
    return keys;
  }

  @Override
  public Optional<byte[]> read(String key, long maxBytes) throws IOException {
    Path file = resolve(key);
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      if (bytes.length > maxBytes) {
        throw new IOException(key + " is larger than " + maxBytes + " bytes");
      }
      return Optional.of(bytes);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  @Override
  public String describe() {
    return root.toString();
  }

  private Path resolve(String key) {
    Path p = root.resolve(ExportTarget.requireKey(key)).normalize();
    if (!p.startsWith(root)) {
      throw new IllegalArgumentException("key leaves the target: " + key);
    }
    return p;
  }
}
