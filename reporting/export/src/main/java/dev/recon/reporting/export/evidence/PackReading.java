package dev.recon.reporting.export.evidence;

import java.util.Map;

/** The outcome of opening a pack: its verified contents, or why it was refused. */
public sealed interface PackReading {

  /** Decrypted, authenticated, and every entry matching the manifest's size and SHA-256. */
  record Opened(EvidenceManifest manifest, Map<String, byte[]> entries) implements PackReading {
    public Opened {
      entries = Map.copyOf(entries);
    }
  }

  /**
   * Not a pack, the wrong key, changed bytes, over a limit, or entries not as the manifest says.
   */
  record Refused(String reason) implements PackReading {}
}
