-- Every table is per tenant: the tenant comes from the connection (app.tenant_id, set per
-- transaction), never from the query text; an unset tenant sees nothing. FORCE binds the owner too.
DO $$
DECLARE
  v_table text;
BEGIN
  FOREACH v_table IN ARRAY ARRAY['source_documents', 'canonical_records', 'matches', 'match_members',
      'exceptions', 'resolutions', 'comments', 'dead_letters', 'proposals', 'audit_log'] LOOP
    EXECUTE format('ALTER TABLE casework.%I ENABLE ROW LEVEL SECURITY', v_table);
    EXECUTE format('ALTER TABLE casework.%I FORCE ROW LEVEL SECURITY', v_table);
    EXECUTE format('CREATE POLICY %I ON casework.%I'
        || ' USING (tenant_id = current_setting(''app.tenant_id'', true))'
        || ' WITH CHECK (tenant_id = current_setting(''app.tenant_id'', true))',
        v_table || '_tenant_isolation', v_table);
    EXECUTE format('REVOKE ALL ON TABLE casework.%I FROM PUBLIC', v_table);
    EXECUTE format('GRANT SELECT, INSERT ON TABLE casework.%I TO recon_app', v_table);
  END LOOP;
END
$$;

REVOKE ALL ON SCHEMA casework FROM PUBLIC;
GRANT USAGE ON SCHEMA casework TO recon_app;

-- Beyond appending, the application only moves a break's state and assignee and decides a
-- proposal; nothing is deleted, and the audit trail is INSERT + SELECT only.
GRANT UPDATE (state, resolution_kind, resolution_id, resolved_at, assignee, psp, reference)
  ON casework.exceptions TO recon_app;
GRANT UPDATE (state, decided_by, decided_at, decision_comment) ON casework.proposals TO recon_app;
