/** Where exports and evidence packs are stored: a local folder or an S3 bucket. */
package dev.recon.reporting.export.destination;
