package dev.recon.normalization.camt053;

import dev.recon.normalization.money.MinorSum;
import java.util.LinkedHashMap;
import java.util.Map;

/** What is known about one Stmt while its elements stream past. */
final class StatementState {
  final int ordinal;
  String id;
  String account;
  Balance opening;
  Balance openingFromPreviousClose;
  Balance closing;
  int entries;
  boolean rejected;
  final Map<String, MinorSum> bookedByCurrency = new LinkedHashMap<>();

  StatementState(int ordinal) {
    this.ordinal = ordinal;
  }

  void addBalance(Balance balance) {
    switch (balance.code()) {
      case "OPBD" -> opening = balance;
      case "PRCD" -> openingFromPreviousClose = balance;
      case "CLBD" -> closing = balance;
      default -> {
        // Available and interim balances (OPAV, CLAV, ITBD, ...) do not take part in the check.
      }
    }
  }

  void addBooked(String currency, long amountMinor) {
    bookedByCurrency.computeIfAbsent(currency, c -> new MinorSum()).add(amountMinor);
  }

  /** OPBD, else the previous statement's closing balance (PRCD) that opens this one. */
  Balance openingBalance() {
    return opening != null ? opening : openingFromPreviousClose;
  }
}
