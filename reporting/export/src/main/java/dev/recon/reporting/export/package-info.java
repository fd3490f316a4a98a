/** Analyst exports (Parquet, CSV) with manifests, and encrypted evidence packs. */
package dev.recon.reporting.export;
