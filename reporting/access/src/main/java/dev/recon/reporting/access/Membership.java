package dev.recon.reporting.access;

/** A user's role in one tenant. */
public record Membership(long userId, String username, String tenantId, Role role) {}
