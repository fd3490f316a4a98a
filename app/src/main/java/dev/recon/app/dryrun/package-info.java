/**
 * Dry runs of {@code recon reconcile}: what a rule change would do to the matches and breaks of a
 * set of files, shown record by record before anyone books it.
 */
package dev.recon.app.dryrun;
