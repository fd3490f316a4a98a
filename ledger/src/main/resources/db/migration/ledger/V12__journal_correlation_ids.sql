-- The correlation ids of the deliveries (webhook, file, mail) whose records an entry books, so an
-- operator can go from a posting to the logs of the delivery that caused it. At most 16 ids of at
-- most 64 characters without whitespace, sorted, separated by single spaces (CorrelationIds in the
-- posting package); null for none and for entries written before this column. A trace, not a
-- booking: the balance, append-only and reversal checks of V3..V11 do not read it, and being
-- nullable without a default, adding it rewrites no partition.
ALTER TABLE ledger.journal_entries ADD COLUMN correlation_ids varchar(1200);
