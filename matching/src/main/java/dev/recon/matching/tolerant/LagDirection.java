package dev.recon.matching.tolerant;

/** On which side of the expected time a PSP capture may fall. */
public enum LagDirection {
  /** The capture is at or after the expected time (the usual case: the order comes first). */
  PSP_AFTER_EXPECTED,
  /** The capture is at or before the expected time (pre-paid orders). */
  PSP_BEFORE_EXPECTED,
  /** Either side. */
  EITHER
}
