package dev.recon.normalization.bench;

import dev.recon.normalization.format.Format;

/** A generated benchmark file held in memory, with what its parse must give. */
record GeneratedFile(Format format, int rows, byte[] bytes, ExpectedOutcome expected) {}
