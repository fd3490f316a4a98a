/**
 * Manual match, unmatch and write-off proposals under four eyes, their ledger effect, and the
 * ManualDecision steps to publish.
 */
package dev.recon.reporting.casework.proposal;
