/**
 * Archiving closed months: export to gzip CSV with a manifest, verification of the files against
 * the database, then detach and drop of the month's partitions ({@link
 * dev.recon.ledger.archive.LedgerArchive}).
 */
package dev.recon.ledger.archive;
