package dev.recon.ledger.backup;

/** The newest successful Flyway migration of a schema, read from its history table. */
public record SchemaVersion(String schema, String historyTable, String version) {}
