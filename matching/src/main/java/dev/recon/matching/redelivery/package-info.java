/**
 * The same record delivered twice (a file ingested again, a webhook retried) is one record: {@link
 * dev.recon.matching.redelivery.DeliveryFingerprint} says which deliveries are the same, and the
 * job drops all but the first before any level sees them, so nothing is matched or booked twice.
 */
package dev.recon.matching.redelivery;
