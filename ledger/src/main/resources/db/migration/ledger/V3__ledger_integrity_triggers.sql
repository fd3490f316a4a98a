/* [jooq ignore start] */
-- Every journal entry balances per currency and has at least one posting, and its postings are written
-- in the same transaction as the entry itself (a committed entry is closed: corrections are new,
-- reversing entries). Checked at COMMIT (deferred) because an entry and its postings arrive in
-- separate statements. It fires for each new entry and for each new posting; SET CONSTRAINTS ...
-- IMMEDIATE only moves the check earlier, it never skips it.
-- SECURITY INVOKER on purpose: it reads through the parent table under the caller's row-level
-- security, and the rows it must see are those of the tenant the caller wrote as. A caller that
-- switched tenant before COMMIT sees no postings and is rejected: the failure mode is a rejection.
-- "Same transaction" compares the entry row's xmin with the low 32 bits of the current transaction
-- id; an entry written in a subtransaction (savepoint) has another xid and is rejected, which fails
-- safe. TG_ARGV[0] names the table the trigger is on (TG_TABLE_NAME would name the partition).
-- enable_seqscan is off inside the check: the first batch into a fresh partition runs before any
-- statistics exist, and a cached sequential-scan plan would make every check scan the whole
-- partition (quadratic in the batch). Every lookup here is a primary-key prefix.
CREATE FUNCTION ledger.require_balanced_entry() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET enable_seqscan = off
AS $$
DECLARE
  v_currencies bigint;
  v_unbalanced text;
BEGIN
  IF TG_ARGV[0] = 'postings' AND NOT EXISTS (
       SELECT 1
         FROM ledger.journal_entries e
        WHERE e.tenant_id = NEW.tenant_id AND e.entry_id = NEW.entry_id AND e.booked_at = NEW.booked_at
          AND e.xmin::text::bigint = pg_current_xact_id()::text::bigint % 4294967296) THEN
    RAISE EXCEPTION 'posting % of journal entry % of tenant % is not written in the transaction that wrote the entry',
      NEW.line_no, NEW.entry_id, NEW.tenant_id
      USING ERRCODE = 'check_violation';
  END IF;
  SELECT count(*), min(t.currency) FILTER (WHERE NOT t.balanced)
    INTO v_currencies, v_unbalanced
    FROM (SELECT p.currency, sum(p.debit_minor) = sum(p.credit_minor) AS balanced
            FROM ledger.postings p
           WHERE p.tenant_id = NEW.tenant_id AND p.entry_id = NEW.entry_id AND p.booked_at = NEW.booked_at
           GROUP BY p.currency) t;
  IF v_currencies = 0 THEN
    RAISE EXCEPTION 'journal entry % of tenant % has no postings', NEW.entry_id, NEW.tenant_id
      USING ERRCODE = 'check_violation';
  END IF;
  IF v_unbalanced IS NOT NULL THEN
    RAISE EXCEPTION 'journal entry % of tenant % does not balance in %', NEW.entry_id, NEW.tenant_id, v_unbalanced
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER journal_entries_balanced
  AFTER INSERT ON ledger.journal_entries
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION ledger.require_balanced_entry('journal_entries');

CREATE CONSTRAINT TRIGGER postings_balanced
  AFTER INSERT ON ledger.postings
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION ledger.require_balanced_entry('postings');

-- Append only: corrections are new (reversing) entries, never changes. This binds the owner too;
-- the application role additionally has no UPDATE/DELETE/TRUNCATE privilege at all.
CREATE FUNCTION ledger.reject_ledger_change() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  RAISE EXCEPTION 'ledger table % is append-only: % rejected', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'integrity_constraint_violation';
END
$$;

CREATE TRIGGER journal_entries_append_only
  BEFORE UPDATE OR DELETE ON ledger.journal_entries
  FOR EACH ROW EXECUTE FUNCTION ledger.reject_ledger_change();

CREATE TRIGGER journal_entries_no_truncate
  BEFORE TRUNCATE ON ledger.journal_entries
  FOR EACH STATEMENT EXECUTE FUNCTION ledger.reject_ledger_change();

CREATE TRIGGER postings_append_only
  BEFORE UPDATE OR DELETE ON ledger.postings
  FOR EACH ROW EXECUTE FUNCTION ledger.reject_ledger_change();

CREATE TRIGGER postings_no_truncate
  BEFORE TRUNCATE ON ledger.postings
  FOR EACH STATEMENT EXECUTE FUNCTION ledger.reject_ledger_change();

REVOKE ALL ON FUNCTION ledger.require_balanced_entry() FROM PUBLIC;
REVOKE ALL ON FUNCTION ledger.reject_ledger_change() FROM PUBLIC;
/* [jooq ignore stop] */
