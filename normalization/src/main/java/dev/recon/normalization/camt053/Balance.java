package dev.recon.normalization.camt053;

/** A statement balance (OPBD, CLBD, ...) in signed minor units: credit +, debit -. */
record Balance(String code, long amountMinor, String currency) {}
