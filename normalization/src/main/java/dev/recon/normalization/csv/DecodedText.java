package dev.recon.normalization.csv;

import java.nio.charset.Charset;

/** A payload as text, with the charset it was read in (for messages and tests). */
public record DecodedText(String text, Charset charset) {}
