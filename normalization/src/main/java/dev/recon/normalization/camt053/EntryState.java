package dev.recon.normalization.camt053;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The raw values of one Ntry, collected while its elements stream past. */
final class EntryState {
  final int fileOrdinal;
  final int statementOrdinal;
  String amount;
  String currency;
  String creditDebit;
  String reversal;
  String status;
  String bookingDate;
  String bookingDateTime;
  String valueDate;
  String valueDateTime;
  String accountServicerReference;
  String additionalInfo;
  String domain;
  String family;
  String subFamily;
  String proprietaryCode;
  String debtorName;
  String creditorName;
  final Set<String> references = new LinkedHashSet<>();
  final List<String> unstructured = new ArrayList<>();

  EntryState(int fileOrdinal, int statementOrdinal) {
    this.fileOrdinal = fileOrdinal;
    this.statementOrdinal = statementOrdinal;
  }
}
