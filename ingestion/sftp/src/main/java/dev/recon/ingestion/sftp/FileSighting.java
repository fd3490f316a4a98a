package dev.recon.ingestion.sftp;

import java.util.Objects;

/** A file as one listing of the root folder showed it. */
public record FileSighting(String name, long size, long mtimeSeconds) {
  public FileSighting {
    Objects.requireNonNull(name, "name");
    if (size < 0) {
      throw new IllegalArgumentException("size must not be negative");
    }
  }
}
