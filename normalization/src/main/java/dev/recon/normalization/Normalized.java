package dev.recon.normalization;

import dev.recon.normalization.format.Format;
import dev.recon.normalization.format.ParseResult;
import java.util.Optional;

/** The outcome of normalizing one file: the format used (empty if none fitted) and its result. */
public record Normalized(Optional<Format> format, ParseResult result) {}
