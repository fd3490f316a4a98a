/* [jooq ignore start] */
-- The per-statement posting check of V8 confirmed "this entry was written by this transaction" with
-- one primary-key look-up per entry through the partitioned parent (entry row's xmin): two thirds
-- of the check, ~4 us per entry. Now the entries trigger keeps the keys of the entries each
-- statement wrote, and the postings check joins its entries against them in memory (one hash
-- join), which is exact: the keys are those of the rows the statement inserted (its transition
-- table), in a table the application cannot touch.
--
-- What the xmin comparison also gave, rejection of an entry written inside a savepoint (a
-- subtransaction, whose rollback would otherwise have to be tracked), is now explicit: the entries
-- trigger compares the xmin of the counting row it just wrote (the current subtransaction's xid)
-- with the top-level xid and rejects the statement if they differ. Postings may still be written
-- inside a savepoint: rolling it back rolls back their count too, and COMMIT then finds entries
-- without postings.
--
-- The postings check also reads the statement's postings once instead of twice: one aggregation
-- per entry carries the balance (the net of an entry in one currency; only a statement with a
-- multi-currency or unbalanced entry runs the per-currency aggregation too, since one currency's
-- surplus could hide another's deficit in a per-entry sum) and the lines 1..n. Same invariants,
-- same messages.
-- work_mem is raised inside the checks only, so a large statement's aggregation and hash stay in
-- memory (a larger one spills, it does not fail). Join methods are pinned: the planner has no
-- statistics for the keys, and a nested loop over them would be quadratic in the batch.

-- One row per INSERT statement on journal_entries that wrote rows, deleted by the COMMIT check
-- with the transaction's counting row. UNLOGGED like that one: a crash aborts its transaction.
CREATE UNLOGGED TABLE ledger.transaction_entry_keys (
  txid        xid8          NOT NULL,
  tenant_ids  varchar(64)[] NOT NULL,
  entry_ids   varchar(64)[] NOT NULL,
  booked_ats  timestamptz[] NOT NULL
);
-- Read whole and at once: compressing them would cost more than storing them.
ALTER TABLE ledger.transaction_entry_keys
  ALTER COLUMN tenant_ids SET STORAGE EXTERNAL,
  ALTER COLUMN entry_ids SET STORAGE EXTERNAL,
  ALTER COLUMN booked_ats SET STORAGE EXTERNAL;
CREATE INDEX transaction_entry_keys_txid_ix ON ledger.transaction_entry_keys (txid);
REVOKE ALL ON TABLE ledger.transaction_entry_keys FROM PUBLIC;

CREATE OR REPLACE FUNCTION ledger.count_new_entries() RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  v_new record;
  v_writer xid;
BEGIN
  SELECT count(*) AS entries, array_agg(n.tenant_id) AS tenant_ids,
         array_agg(n.entry_id) AS entry_ids, array_agg(n.booked_at) AS booked_ats
    INTO v_new
    FROM new_entries n;
  IF v_new.entries > 0 THEN
    INSERT INTO ledger.transaction_entry_counts AS t (txid, entries, entries_posted)
    VALUES (pg_current_xact_id(), v_new.entries, 0)
    ON CONFLICT (txid) DO UPDATE SET entries = t.entries + excluded.entries
    RETURNING t.xmin INTO v_writer;
    IF v_writer <> xid(pg_current_xact_id()) THEN
      RAISE EXCEPTION 'journal entries must not be written inside a savepoint (subtransaction)'
        USING ERRCODE = 'check_violation';
    END IF;
    INSERT INTO ledger.transaction_entry_keys (txid, tenant_ids, entry_ids, booked_ats)
    VALUES (pg_current_xact_id(), v_new.tenant_ids, v_new.entry_ids, v_new.booked_ats);
  END IF;
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION ledger.check_new_postings() RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET enable_seqscan = off
SET enable_nestloop = off
SET enable_mergejoin = off
SET enable_sort = off
SET work_mem = '64MB'
AS $$
DECLARE
  v_bad record;
  v_fx record;
  v_entries bigint;
BEGIN
  -- One row per entry of the statement: whether it is in one currency, its net, its lines, and
  -- whether this transaction wrote it.
  SELECT count(*) AS entries,
         bool_or(NOT k.single_currency OR k.net <> 0) AS maybe_unbalanced,
         (array_agg(k.entry_id) FILTER (WHERE k.first_line <> 1 OR k.last_line <> k.lines))[1] AS gapped,
         (array_agg(k.entry_id) FILTER (WHERE w.entry_id IS NULL))[1] AS foreign_entry,
         min(k.tenant_id) AS tenant_id
    INTO v_bad
    FROM (SELECT p.tenant_id, p.entry_id, p.booked_at,
                 min(p.currency COLLATE "C") = max(p.currency COLLATE "C") AS single_currency,
                 sum(p.debit_minor - p.credit_minor) AS net,
                 min(p.line_no) AS first_line, max(p.line_no) AS last_line, count(*) AS lines
            FROM new_postings p
           GROUP BY p.tenant_id, p.entry_id, p.booked_at) k
    LEFT JOIN (SELECT u.tenant_id, u.entry_id, u.booked_at
                 FROM ledger.transaction_entry_keys t,
                      unnest(t.tenant_ids, t.entry_ids, t.booked_ats) AS u(tenant_id, entry_id, booked_at)
                WHERE t.txid = pg_current_xact_id()) w
      ON w.tenant_id = k.tenant_id AND w.entry_id = k.entry_id AND w.booked_at = k.booked_at;
  -- An entry in one currency balances iff its net is zero (debits and credits are never negative,
  -- so debit - credit cannot overflow). Any other entry, and any unbalanced one, is settled per
  -- currency, which also names the currency for the message.
  IF v_bad.maybe_unbalanced THEN
    SELECT p.tenant_id, p.entry_id, p.currency INTO v_fx
      FROM new_postings p
     GROUP BY p.tenant_id, p.entry_id, p.booked_at, p.currency
    HAVING sum(p.debit_minor) <> sum(p.credit_minor)
     LIMIT 1;
    IF FOUND THEN
      RAISE EXCEPTION 'journal entry % of tenant % does not balance in %', v_fx.entry_id, v_fx.tenant_id, v_fx.currency
        USING ERRCODE = 'check_violation';
    END IF;
  END IF;
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

CREATE OR REPLACE FUNCTION ledger.require_posted_entries() RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  v_counts ledger.transaction_entry_counts%ROWTYPE;
BEGIN
  DELETE FROM ledger.transaction_entry_keys WHERE txid = NEW.txid;
  DELETE FROM ledger.transaction_entry_counts WHERE txid = NEW.txid RETURNING * INTO v_counts;
  IF FOUND AND v_counts.entries <> v_counts.entries_posted THEN
    RAISE EXCEPTION '% of the % journal entries written in this transaction have no postings',
      v_counts.entries - v_counts.entries_posted, v_counts.entries
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END
$$;
/* [jooq ignore stop] */
