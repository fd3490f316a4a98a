/**
 * The exception queue (filtered keyset pages, counts, assign, comment, bulk assign) and the
 * drill-down from a break, match or posting to its records and original lines.
 */
package dev.recon.reporting.casework.queue;
