/* [jooq ignore start] */
-- The foreign key from postings to journal_entries is dropped: the posting trigger of V3
-- (require_balanced_entry('postings')) already requires, for every posting, that its entry exists
-- AND was written in the same transaction, which is stronger, and entries can never be deleted
-- (append-only triggers, no DELETE grant). The key cost a cached per-posting lookup against the
-- partitioned parent whose generic plan, made while a month partition was new, scanned the
-- (tenant_id, source_id) index on tenant_id alone: quadratic in a bulk write (seen at 1k postings/s).
ALTER TABLE ledger.postings DROP CONSTRAINT postings_entry_fk;
/* [jooq ignore stop] */

-- Same trap for every cached generic plan that looks an entry up by its key (the posting and entry
-- triggers): an index led by tenant_id looks as good as the primary key to a planner without
-- statistics, and scanning it on tenant_id alone reads every entry of the tenant. Led by
-- source_id, the index only serves lookups by source, which is what it is for.
DROP INDEX ledger.journal_entries_source_ix;
CREATE INDEX journal_entries_source_ix ON ledger.journal_entries (source_id, tenant_id);
