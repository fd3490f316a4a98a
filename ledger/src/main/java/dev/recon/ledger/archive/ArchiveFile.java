package dev.recon.ledger.archive;

/**
 * One gzip CSV file of an archive.
 *
 * @param table the ledger table it holds rows of
 * @param name file name, relative to the manifest
 * @param rows data rows (the header excluded)
 * @param bytes size of the compressed file
 * @param sha256 lower-case hex SHA-256 of the compressed file
 */
public record ArchiveFile(String table, String name, long rows, long bytes, String sha256) {}
