/* [jooq ignore start] */
-- The per-row deferred balance triggers of V3 ran two look-ups per posting and one per entry at
-- COMMIT, and the account foreign key one more per posting: a bulk write spent nearly all its time
-- there (6k postings/s). The same invariants are now checked once per statement, set-based, over
-- the statement's transition table, and once per transaction at COMMIT:
--
--   postings_checked (after each INSERT statement on postings):
--     * the postings of each entry in the statement balance per currency, and their line numbers
--       are exactly 1..n: an entry's postings arrive in ONE statement. A later statement adding to
--       the entry would need a line 1 again, which the primary key refuses.
--     * every posting's entry exists and was written by this very transaction (its xmin), so a
--       committed entry takes no more postings and no posting is an orphan;
--     * every posting's account is in the tenant's chart (replaces the foreign key; accounts are
--       append-only below, so what was checked stays true).
--   journal_entries_counted / postings_checked count, per transaction, the entries written and
--   the entries given their line 1 in ledger.transaction_entry_counts; the deferred constraint
--   trigger on that table's row (one per transaction) requires both counts equal at COMMIT: no
--   entry without postings. Line 1 is unique per entry (primary key) and only postings of this
--   transaction's entries are accepted, so equal counts mean every entry got its postings.
--
-- SET CONSTRAINTS ... IMMEDIATE only moves the COMMIT check to the end of the statement that
-- wrote the first entry, where it fails; it never skips it. An entry written inside a savepoint
-- carries the subtransaction's xid and its postings are rejected: the failure mode is a rejection.
-- The functions are SECURITY DEFINER because the application role may not touch the counting
-- table; they run under the caller's row-level security all the same (FORCE binds the owner).
-- Planner settings are pinned inside: the look-ups must be key look-ups whatever the (possibly
-- missing) statistics of a young month partition say; a nested loop over a materialised
-- partition is quadratic in the batch (seen: 30 s for 50k postings).
DROP TRIGGER journal_entries_balanced ON ledger.journal_entries;
DROP TRIGGER postings_balanced ON ledger.postings;
DROP FUNCTION ledger.require_balanced_entry();
ALTER TABLE ledger.postings DROP CONSTRAINT postings_account_fk;

-- One row per writing transaction, deleted again by the COMMIT check: it is empty between
-- transactions. UNLOGGED: a crash aborts every transaction whose row it held anyway.
CREATE UNLOGGED TABLE ledger.transaction_entry_counts (
  txid           xid8   NOT NULL,
  entries        bigint NOT NULL,
  entries_posted bigint NOT NULL,
  CONSTRAINT transaction_entry_counts_pk PRIMARY KEY (txid)
);
REVOKE ALL ON TABLE ledger.transaction_entry_counts FROM PUBLIC;

CREATE FUNCTION ledger.count_new_entries() RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  v_entries bigint;
BEGIN
  SELECT count(*) INTO v_entries FROM new_entries;
  IF v_entries > 0 THEN
    INSERT INTO ledger.transaction_entry_counts AS t (txid, entries, entries_posted)
    VALUES (pg_current_xact_id(), v_entries, 0)
    ON CONFLICT (txid) DO UPDATE SET entries = t.entries + excluded.entries;
  END IF;
  RETURN NULL;
END
$$;

CREATE FUNCTION ledger.check_new_postings() RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET enable_seqscan = off
SET enable_hashjoin = off
SET enable_mergejoin = off
SET enable_material = off
AS $$
DECLARE
  v_bad record;
  v_entries bigint;
BEGIN
  SELECT p.tenant_id, p.entry_id, p.currency INTO v_bad
    FROM new_postings p
   GROUP BY p.tenant_id, p.entry_id, p.booked_at, p.currency
  HAVING sum(p.debit_minor) <> sum(p.credit_minor)
   LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'journal entry % of tenant % does not balance in %', v_bad.entry_id, v_bad.tenant_id, v_bad.currency
      USING ERRCODE = 'check_violation';
  END IF;

  -- One row per entry of the statement: its lines, and whether this transaction wrote it.
  SELECT count(*) AS entries,
         (array_agg(k.entry_id) FILTER (WHERE k.first_line <> 1 OR k.last_line <> k.lines))[1] AS gapped,
         (array_agg(k.entry_id) FILTER (WHERE e.entry_id IS NULL))[1] AS foreign_entry,
         min(k.tenant_id) AS tenant_id
    INTO v_bad
    FROM (SELECT p.tenant_id, p.entry_id, p.booked_at,
                 min(p.line_no) AS first_line, max(p.line_no) AS last_line, count(*) AS lines
            FROM new_postings p
           GROUP BY p.tenant_id, p.entry_id, p.booked_at) k
    LEFT JOIN ledger.journal_entries e
      ON e.tenant_id = k.tenant_id AND e.entry_id = k.entry_id AND e.booked_at = k.booked_at
     AND e.xmin = xid(pg_current_xact_id());
  IF v_bad.gapped IS NOT NULL THEN
    RAISE EXCEPTION 'postings of journal entry % of tenant % are not lines 1..n of one statement',
      v_bad.gapped, v_bad.tenant_id
      USING ERRCODE = 'check_violation';
  END IF;
  IF v_bad.foreign_entry IS NOT NULL THEN
    RAISE EXCEPTION 'postings of journal entry % of tenant % are not written in the transaction that wrote the entry',
      v_bad.foreign_entry, v_bad.tenant_id
      USING ERRCODE = 'check_violation';
  END IF;
  v_entries := v_bad.entries;

  SELECT a.tenant_id, a.account INTO v_bad
    FROM (SELECT DISTINCT p.tenant_id, p.account FROM new_postings p) a
   WHERE NOT EXISTS (SELECT 1 FROM ledger.accounts x
                      WHERE x.tenant_id = a.tenant_id AND x.account = a.account)
   LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'account % of tenant % is not in the chart of accounts', v_bad.account, v_bad.tenant_id
      USING ERRCODE = 'foreign_key_violation';
  END IF;

  -- Lines are 1..n per entry, so the entries of the statement are the postings with line 1.
  IF v_entries > 0 THEN
    INSERT INTO ledger.transaction_entry_counts AS t (txid, entries, entries_posted)
    VALUES (pg_current_xact_id(), 0, v_entries)
    ON CONFLICT (txid) DO UPDATE SET entries_posted = t.entries_posted + excluded.entries_posted;
  END IF;
  RETURN NULL;
END
$$;

CREATE FUNCTION ledger.require_posted_entries() RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  v_counts ledger.transaction_entry_counts%ROWTYPE;
BEGIN
  DELETE FROM ledger.transaction_entry_counts WHERE txid = NEW.txid RETURNING * INTO v_counts;
  IF FOUND AND v_counts.entries <> v_counts.entries_posted THEN
    RAISE EXCEPTION '% of the % journal entries written in this transaction have no postings',
      v_counts.entries - v_counts.entries_posted, v_counts.entries
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER journal_entries_counted
  AFTER INSERT ON ledger.journal_entries
  REFERENCING NEW TABLE AS new_entries
  FOR EACH STATEMENT EXECUTE FUNCTION ledger.count_new_entries();

CREATE TRIGGER postings_checked
  AFTER INSERT ON ledger.postings
  REFERENCING NEW TABLE AS new_postings
  FOR EACH STATEMENT EXECUTE FUNCTION ledger.check_new_postings();

CREATE CONSTRAINT TRIGGER transaction_entries_posted
  AFTER INSERT ON ledger.transaction_entry_counts
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION ledger.require_posted_entries();

-- Accounts lost their foreign key: they become append-only like the journal, so an account that
-- postings use can never disappear or be renamed.
CREATE TRIGGER accounts_append_only
  BEFORE UPDATE OR DELETE ON ledger.accounts
  FOR EACH ROW EXECUTE FUNCTION ledger.reject_ledger_change();

CREATE TRIGGER accounts_no_truncate
  BEFORE TRUNCATE ON ledger.accounts
  FOR EACH STATEMENT EXECUTE FUNCTION ledger.reject_ledger_change();

REVOKE ALL ON FUNCTION ledger.count_new_entries() FROM PUBLIC;
REVOKE ALL ON FUNCTION ledger.check_new_postings() FROM PUBLIC;
REVOKE ALL ON FUNCTION ledger.require_posted_entries() FROM PUBLIC;
/* [jooq ignore stop] */
