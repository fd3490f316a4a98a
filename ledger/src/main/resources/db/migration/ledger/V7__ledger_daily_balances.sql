-- Debit and credit totals per tenant, account, currency and UTC day of booking: point-in-time
-- balances read whole days from here and only the last, partial day from the postings. Maintained
-- by the database itself, in the transaction that writes the postings (trigger below), so it can
-- never disagree with the journal and no writer can forget it. A derived table: not append-only.
CREATE TABLE ledger.daily_balances (
  tenant_id    varchar(64)  NOT NULL,
  account      varchar(200) NOT NULL,
  currency     char(3)      NOT NULL,
  day          date         NOT NULL,
  debit_minor  bigint       NOT NULL,
  credit_minor bigint       NOT NULL,
  CONSTRAINT daily_balances_pk PRIMARY KEY (tenant_id, account, currency, day)
);
/* [jooq ignore start] */
-- Backfill from what is already booked; the owner reads past FORCE only for this statement.
ALTER TABLE ledger.postings NO FORCE ROW LEVEL SECURITY;
INSERT INTO ledger.daily_balances (tenant_id, account, currency, day, debit_minor, credit_minor)
SELECT tenant_id, account, currency, (booked_at AT TIME ZONE 'UTC')::date,
       sum(debit_minor)::bigint, sum(credit_minor)::bigint
  FROM ledger.postings
 GROUP BY 1, 2, 3, 4;
ALTER TABLE ledger.postings FORCE ROW LEVEL SECURITY;

ALTER TABLE ledger.daily_balances ENABLE ROW LEVEL SECURITY;
ALTER TABLE ledger.daily_balances FORCE ROW LEVEL SECURITY;
CREATE POLICY daily_balances_tenant_isolation ON ledger.daily_balances
  USING (tenant_id = current_setting('app.tenant_id', true))
  WITH CHECK (tenant_id = current_setting('app.tenant_id', true));
REVOKE ALL ON TABLE ledger.daily_balances FROM PUBLIC;
-- Read only for the application: only the trigger (as the owner, still under the tenant's policy)
-- writes it.
GRANT SELECT ON TABLE ledger.daily_balances TO recon_app;

-- Set-based, once per INSERT statement on postings, over the statement's transition table. Rows are
-- upserted in key order so that concurrent writers of one tenant wait rather than deadlock.
CREATE FUNCTION ledger.accumulate_daily_balances() RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  INSERT INTO ledger.daily_balances AS d (tenant_id, account, currency, day, debit_minor, credit_minor)
  SELECT n.tenant_id, n.account, n.currency, (n.booked_at AT TIME ZONE 'UTC')::date,
         sum(n.debit_minor)::bigint, sum(n.credit_minor)::bigint
    FROM new_postings n
   GROUP BY 1, 2, 3, 4
   ORDER BY 1, 2, 3, 4
  ON CONFLICT (tenant_id, account, currency, day) DO UPDATE
     SET debit_minor = d.debit_minor + excluded.debit_minor,
         credit_minor = d.credit_minor + excluded.credit_minor;
  RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION ledger.accumulate_daily_balances() FROM PUBLIC;

CREATE TRIGGER postings_daily_balances
  AFTER INSERT ON ledger.postings
  REFERENCING NEW TABLE AS new_postings
  FOR EACH STATEMENT EXECUTE FUNCTION ledger.accumulate_daily_balances();
/* [jooq ignore stop] */
