/**
 * The double-entry ledger: chart of accounts ({@code chart}), pure posting rules from matches to
 * journal entries ({@code posting}), the PostgreSQL schema and jOOQ data layer ({@code db}) and the
 * Flink ledger sink ({@code sink}).
 */
package dev.recon.ledger;
