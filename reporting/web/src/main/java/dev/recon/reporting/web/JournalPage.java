package dev.recon.reporting.web;

import dev.recon.ledger.db.JournalLine;
import java.util.List;

/** One page of a journal search. */
record JournalPage(List<JournalLine> lines, int page, boolean hasMore) {}
