-- The ledger lives in its own schema so that its names, grants and Flyway history stay apart from
-- other modules' tables in the same database.
CREATE SCHEMA IF NOT EXISTS ledger;

/* [jooq ignore start] */
-- recon_app is the application role: logins are made members of it (LedgerDatabase.provisionAppLogin),
-- it owns nothing and bypasses nothing, so row-level security always applies to it. Roles are
-- cluster-wide, hence the idempotent creation; an existing recon_app with more power is refused
-- rather than silently trusted.
DO $$
DECLARE
  v_role pg_catalog.pg_roles%ROWTYPE;
BEGIN
  SELECT * INTO v_role FROM pg_catalog.pg_roles WHERE rolname = 'recon_app';
  IF NOT FOUND THEN
    CREATE ROLE recon_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOREPLICATION;
  ELSIF v_role.rolsuper OR v_role.rolbypassrls OR v_role.rolcanlogin OR v_role.rolcreaterole
        OR v_role.rolcreatedb OR v_role.rolreplication THEN
    RAISE EXCEPTION 'role recon_app exists with more privileges than the ledger allows (login, superuser, bypassrls, createrole, createdb or replication)';
  END IF;
END
$$;
/* [jooq ignore stop] */
