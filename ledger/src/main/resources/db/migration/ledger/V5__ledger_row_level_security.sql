/* [jooq ignore start] */
-- The tenant comes from the connection (set_config('app.tenant_id', ..., true) per transaction), never
-- from the query text. The missing_ok flag makes an unset tenant see nothing instead of failing.
-- FORCE makes the policies bind the table owner as well.
ALTER TABLE ledger.accounts ENABLE ROW LEVEL SECURITY;
ALTER TABLE ledger.accounts FORCE ROW LEVEL SECURITY;
CREATE POLICY accounts_tenant_isolation ON ledger.accounts
  USING (tenant_id = current_setting('app.tenant_id', true))
  WITH CHECK (tenant_id = current_setting('app.tenant_id', true));

ALTER TABLE ledger.journal_entries ENABLE ROW LEVEL SECURITY;
ALTER TABLE ledger.journal_entries FORCE ROW LEVEL SECURITY;
CREATE POLICY journal_entries_tenant_isolation ON ledger.journal_entries
  USING (tenant_id = current_setting('app.tenant_id', true))
  WITH CHECK (tenant_id = current_setting('app.tenant_id', true));

ALTER TABLE ledger.postings ENABLE ROW LEVEL SECURITY;
ALTER TABLE ledger.postings FORCE ROW LEVEL SECURITY;
CREATE POLICY postings_tenant_isolation ON ledger.postings
  USING (tenant_id = current_setting('app.tenant_id', true))
  WITH CHECK (tenant_id = current_setting('app.tenant_id', true));

-- The application role reads and appends through the parent tables only: nothing on partitions, no
-- UPDATE, DELETE, TRUNCATE, REFERENCES or TRIGGER, no CREATE in the schema.
REVOKE ALL ON SCHEMA ledger FROM PUBLIC;
GRANT USAGE ON SCHEMA ledger TO recon_app;
REVOKE ALL ON TABLE ledger.accounts, ledger.journal_entries, ledger.postings FROM PUBLIC;
GRANT SELECT, INSERT ON TABLE ledger.accounts, ledger.journal_entries, ledger.postings TO recon_app;
/* [jooq ignore stop] */
