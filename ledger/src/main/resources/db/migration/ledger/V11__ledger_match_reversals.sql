-- An approved UNMATCH is booked as a reversal (V3: corrections are new entries, never changes): an
-- entry of source_kind REVERSAL whose reverses_source_id names the source (match id) it undoes, and
-- whose postings are the mirror (debit <-> credit) of the entries the ledger holds for that source.
ALTER TABLE ledger.journal_entries ADD COLUMN reverses_source_id varchar(256);

-- Which sources are reversed, one row per tenant and source: at most one reversal of a source, which
-- the partitioned journal cannot enforce itself (its unique keys must contain booked_at). Written by
-- the trigger below in the transaction that writes the reversal entry, never by the application; it
-- stays when months are archived, so a source whose reversal was archived still counts as reversed.
-- written_by_xact lets the posting check below find this transaction's reversals by index.
CREATE TABLE ledger.reversed_sources (
  tenant_id          varchar(64)  NOT NULL,
  source_id          varchar(256) NOT NULL,
  reversal_entry_id  varchar(64)  NOT NULL,
  reversal_booked_at timestamptz  NOT NULL,
  /* [jooq ignore start] */
  written_by_xact    xid8         NOT NULL,
  /* [jooq ignore stop] */
  CONSTRAINT reversed_sources_pk PRIMARY KEY (tenant_id, source_id)
);

/* [jooq ignore start] */
CREATE INDEX reversed_sources_xact_ix ON ledger.reversed_sources (written_by_xact);

-- A reversal is exactly an entry of kind REVERSAL, and never reverses itself.
ALTER TABLE ledger.journal_entries ADD CONSTRAINT journal_entries_reversal_ck
  CHECK ((source_kind = 'REVERSAL') = (reverses_source_id IS NOT NULL)
         AND reverses_source_id IS DISTINCT FROM source_id);

ALTER TABLE ledger.reversed_sources ENABLE ROW LEVEL SECURITY;
ALTER TABLE ledger.reversed_sources FORCE ROW LEVEL SECURITY;
CREATE POLICY reversed_sources_tenant_isolation ON ledger.reversed_sources
  USING (tenant_id = current_setting('app.tenant_id', true))
  WITH CHECK (tenant_id = current_setting('app.tenant_id', true));
REVOKE ALL ON TABLE ledger.reversed_sources FROM PUBLIC;
-- Read only for the application (the ledger writer's "already reversed" check).
GRANT SELECT ON TABLE ledger.reversed_sources TO recon_app;

-- Per reversal entry (rare: the WHEN clause keeps the hot path free of it): the source it reverses
-- has entries of the same tenant that are not reversals themselves, all of them with their postings
-- already written (an entry's postings arrive in one statement, V8, so the mirror check below sees
-- them whole), and it is not reversed yet (the register's primary key: a unique violation).
-- SECURITY DEFINER because the application may not write the register; the tenant is matched
-- explicitly, whatever row-level security the owner is under.
CREATE FUNCTION ledger.register_reversal() RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF NOT EXISTS (
       SELECT 1 FROM ledger.journal_entries o
        WHERE o.source_id = NEW.reverses_source_id AND o.tenant_id = NEW.tenant_id
          AND o.reverses_source_id IS NULL) THEN
    RAISE EXCEPTION 'journal entry % of tenant % reverses %, which has no entries of that tenant',
      NEW.entry_id, NEW.tenant_id, NEW.reverses_source_id
      USING ERRCODE = 'check_violation';
  END IF;
  IF EXISTS (
       SELECT 1 FROM ledger.journal_entries o
        WHERE o.source_id = NEW.reverses_source_id AND o.tenant_id = NEW.tenant_id
          AND o.reverses_source_id IS NULL
          AND NOT EXISTS (SELECT 1 FROM ledger.postings p
                           WHERE p.tenant_id = o.tenant_id AND p.entry_id = o.entry_id
                             AND p.booked_at = o.booked_at AND p.line_no = 1)) THEN
    RAISE EXCEPTION 'journal entry % of tenant % reverses %, whose entries do not all have their postings yet',
      NEW.entry_id, NEW.tenant_id, NEW.reverses_source_id
      USING ERRCODE = 'check_violation';
  END IF;
  INSERT INTO ledger.reversed_sources
    (tenant_id, source_id, reversal_entry_id, reversal_booked_at, written_by_xact)
  VALUES (NEW.tenant_id, NEW.reverses_source_id, NEW.entry_id, NEW.booked_at, pg_current_xact_id());
  RETURN NULL;
END
$$;

CREATE TRIGGER journal_entries_reversal_registered
  AFTER INSERT ON ledger.journal_entries
  FOR EACH ROW WHEN (NEW.reverses_source_id IS NOT NULL)
  EXECUTE FUNCTION ledger.register_reversal();

-- Per INSERT statement on postings: the postings a reversal gets are, per account and currency, the
-- exact opposite of those of the entries it reverses, so balances return to what they were without
-- them. A statement of a transaction that wrote no reversal costs one index look-up.
CREATE FUNCTION ledger.check_reversal_postings() RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  v_bad record;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM ledger.reversed_sources r
                  WHERE r.written_by_xact = pg_current_xact_id()) THEN
    RETURN NULL;
  END IF;
  SELECT r.tenant_id, r.reversal_entry_id, r.source_id INTO v_bad
    FROM ledger.reversed_sources r
   WHERE r.written_by_xact = pg_current_xact_id()
     AND EXISTS (SELECT 1 FROM new_postings p
                  WHERE p.tenant_id = r.tenant_id AND p.entry_id = r.reversal_entry_id
                    AND p.booked_at = r.reversal_booked_at)
     AND EXISTS (
           SELECT 1
             FROM (SELECT p.account, p.currency, sum(p.debit_minor - p.credit_minor) AS net
                     FROM new_postings p
                    WHERE p.tenant_id = r.tenant_id AND p.entry_id = r.reversal_entry_id
                      AND p.booked_at = r.reversal_booked_at
                    GROUP BY p.account, p.currency) n
             FULL JOIN
                  (SELECT o.account, o.currency, sum(o.credit_minor - o.debit_minor) AS net
                     FROM ledger.journal_entries e
                     JOIN ledger.postings o
                       ON o.tenant_id = e.tenant_id AND o.entry_id = e.entry_id
                      AND o.booked_at = e.booked_at
                    WHERE e.tenant_id = r.tenant_id AND e.source_id = r.source_id
                      AND e.reverses_source_id IS NULL
                    GROUP BY o.account, o.currency) m
               ON m.account = n.account AND m.currency = n.currency
            WHERE coalesce(n.net, 0) <> coalesce(m.net, 0))
   LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'postings of reversal % of tenant % are not the mirror of the entries of %',
      v_bad.reversal_entry_id, v_bad.tenant_id, v_bad.source_id
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER postings_reversal_mirrored
  AFTER INSERT ON ledger.postings
  REFERENCING NEW TABLE AS new_postings
  FOR EACH STATEMENT EXECUTE FUNCTION ledger.check_reversal_postings();

-- The register is append-only like the journal it indexes.
CREATE TRIGGER reversed_sources_append_only
  BEFORE UPDATE OR DELETE ON ledger.reversed_sources
  FOR EACH ROW EXECUTE FUNCTION ledger.reject_ledger_change();

CREATE TRIGGER reversed_sources_no_truncate
  BEFORE TRUNCATE ON ledger.reversed_sources
  FOR EACH STATEMENT EXECUTE FUNCTION ledger.reject_ledger_change();

REVOKE ALL ON FUNCTION ledger.register_reversal() FROM PUBLIC;
REVOKE ALL ON FUNCTION ledger.check_reversal_postings() FROM PUBLIC;
/* [jooq ignore stop] */
