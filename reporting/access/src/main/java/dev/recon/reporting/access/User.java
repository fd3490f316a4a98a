package dev.recon.reporting.access;

/** A person who logs in; global, with a role per tenant (see {@link Membership}). */
public record User(long id, String username, String displayName, boolean disabled) {}
