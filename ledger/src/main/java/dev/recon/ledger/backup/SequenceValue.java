package dev.recon.ledger.backup;

/** A sequence's last value ({@code null} if never used), restored with {@code setval}. */
public record SequenceValue(String schema, String sequence, Long lastValue) {}
