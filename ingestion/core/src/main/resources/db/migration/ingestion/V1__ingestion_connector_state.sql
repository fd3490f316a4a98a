-- Connector state lives in its own schema, apart from the ledger, with its own Flyway history.
CREATE SCHEMA IF NOT EXISTS ingestion;

-- The same application role as the ledger's (roles are cluster-wide); created here too so that either
-- module can be migrated first. An existing recon_app with more power is refused.
DO $$
DECLARE
  v_role pg_catalog.pg_roles%ROWTYPE;
BEGIN
  SELECT * INTO v_role FROM pg_catalog.pg_roles WHERE rolname = 'recon_app';
  IF NOT FOUND THEN
    CREATE ROLE recon_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOREPLICATION;
  ELSIF v_role.rolsuper OR v_role.rolbypassrls OR v_role.rolcanlogin OR v_role.rolcreaterole
        OR v_role.rolcreatedb OR v_role.rolreplication THEN
    RAISE EXCEPTION 'role recon_app exists with more privileges than ingestion allows';
  END IF;
END
$$;

GRANT USAGE ON SCHEMA ingestion TO recon_app;

-- Where each connector got to, per tenant and per partition of its source (an SFTP folder, an IMAP
-- mailbox, an API cursor), as a string map so every connector's offset record fits (Debezium style).
CREATE TABLE ingestion.connector_offsets (
  tenant_id     varchar(64)  NOT NULL,
  connector_id  varchar(128) NOT NULL,
  partition_key varchar(512) NOT NULL,
  offset_map    jsonb        NOT NULL,
  updated_at    timestamptz  NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, connector_id, partition_key),
  CHECK (jsonb_typeof(offset_map) = 'object')
);

-- Every object a connector has published (a file's content hash, a webhook's event id), so that a
-- second delivery is acknowledged without a second Kafka record. Rows are written after Kafka acked.
CREATE TABLE ingestion.published_objects (
  tenant_id       varchar(64)  NOT NULL,
  source          varchar(128) NOT NULL,
  dedupe_key      varchar(512) NOT NULL,
  raw_id          varchar(64)  NOT NULL,
  kafka_topic     varchar(249) NOT NULL,
  kafka_partition integer      NOT NULL,
  kafka_offset    bigint       NOT NULL,
  published_at    timestamptz  NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, source, dedupe_key)
);

-- What every connector accepted or refused and why: append-only.
CREATE TABLE ingestion.connector_audit (
  audit_id     bigint GENERATED ALWAYS AS IDENTITY,
  tenant_id    varchar(64)  NOT NULL,
  connector_id varchar(128) NOT NULL,
  action       varchar(64)  NOT NULL,
  subject      varchar(1024) NOT NULL,
  outcome      varchar(32)  NOT NULL,
  detail       varchar(4096) NOT NULL,
  recorded_at  timestamptz  NOT NULL DEFAULT now(),
  PRIMARY KEY (audit_id)
);
CREATE INDEX connector_audit_by_tenant_time ON ingestion.connector_audit (tenant_id, recorded_at);

CREATE FUNCTION ingestion.reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % rejected', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER connector_audit_append_only BEFORE UPDATE OR DELETE ON ingestion.connector_audit
  FOR EACH ROW EXECUTE FUNCTION ingestion.reject_change();
CREATE TRIGGER connector_audit_no_truncate BEFORE TRUNCATE ON ingestion.connector_audit
  FOR EACH STATEMENT EXECUTE FUNCTION ingestion.reject_change();
CREATE TRIGGER published_objects_append_only BEFORE UPDATE OR DELETE ON ingestion.published_objects
  FOR EACH ROW EXECUTE FUNCTION ingestion.reject_change();

ALTER TABLE ingestion.connector_offsets ENABLE ROW LEVEL SECURITY;
ALTER TABLE ingestion.connector_offsets FORCE ROW LEVEL SECURITY;
ALTER TABLE ingestion.published_objects ENABLE ROW LEVEL SECURITY;
ALTER TABLE ingestion.published_objects FORCE ROW LEVEL SECURITY;
ALTER TABLE ingestion.connector_audit ENABLE ROW LEVEL SECURITY;
ALTER TABLE ingestion.connector_audit FORCE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON ingestion.connector_offsets
  USING (tenant_id = current_setting('app.tenant_id', true))
  WITH CHECK (tenant_id = current_setting('app.tenant_id', true));
CREATE POLICY tenant_isolation ON ingestion.published_objects
  USING (tenant_id = current_setting('app.tenant_id', true))
  WITH CHECK (tenant_id = current_setting('app.tenant_id', true));
CREATE POLICY tenant_isolation ON ingestion.connector_audit
  USING (tenant_id = current_setting('app.tenant_id', true))
  WITH CHECK (tenant_id = current_setting('app.tenant_id', true));

GRANT SELECT, INSERT, UPDATE ON ingestion.connector_offsets TO recon_app;
GRANT SELECT, INSERT ON ingestion.published_objects TO recon_app;
GRANT SELECT, INSERT ON ingestion.connector_audit TO recon_app;
