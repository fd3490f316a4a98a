package dev.recon.reporting.access;

/** A user just created or reset, with the TOTP secret to hand over once (it is not shown again). */
public record NewUser(User user, TotpSecret totpSecret) {}
