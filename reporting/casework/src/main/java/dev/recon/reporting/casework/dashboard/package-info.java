/** The figures of a tenant's dashboard. */
package dev.recon.reporting.casework.dashboard;
