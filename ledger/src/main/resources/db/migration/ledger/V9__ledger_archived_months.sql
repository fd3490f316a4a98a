-- Months whose journal entries and postings were exported, verified, detached and (unless kept)
-- dropped by LedgerArchive. Written by the owner only; the daily balances of an archived month stay,
-- so balances as of any later day stay exact. Not tenant data, but its counts span tenants: the
-- application role gets nothing.
CREATE TABLE ledger.archived_months (
  month           date          NOT NULL,
  archived_at     timestamptz   NOT NULL DEFAULT current_timestamp,
  entries         bigint        NOT NULL,
  postings        bigint        NOT NULL,
  manifest_sha256 char(64)      NOT NULL,
  manifest_path   varchar(1000) NOT NULL,
  kept_detached   boolean       NOT NULL,
  CONSTRAINT archived_months_pk PRIMARY KEY (month)
  /* [jooq ignore start] */
  , CONSTRAINT archived_months_first_day_ck CHECK (month = date_trunc('month', month)::date)
  /* [jooq ignore stop] */
);
/* [jooq ignore start] */
REVOKE ALL ON TABLE ledger.archived_months FROM PUBLIC;

-- As V4, and an archived month is never created again: a late booking into it fails instead of
-- silently starting a second, partial copy of the month.
CREATE OR REPLACE FUNCTION ledger.ledger_ensure_month(ts timestamptz) RETURNS void
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET timezone = 'UTC'
AS $$
DECLARE
  v_month  timestamp;
  v_suffix text;
  v_from   text;
  v_to     text;
  v_parent text;
  v_part   text;
BEGIN
  IF ts IS NULL THEN
    RAISE EXCEPTION 'ledger_ensure_month: ts must not be null' USING ERRCODE = 'null_value_not_allowed';
  END IF;
  -- Bound what a caller can make us create: months from 2000 up to 5 years ahead.
  IF ts < timestamptz '2000-01-01 00:00:00+00' OR ts >= now() + interval '5 years' THEN
    RAISE EXCEPTION 'ledger_ensure_month: % is outside the bookable range', ts
      USING ERRCODE = 'data_exception';
  END IF;
  v_month  := date_trunc('month', ts AT TIME ZONE 'UTC');
  v_suffix := to_char(v_month, '"y"YYYY"m"MM');
  v_from   := to_char(v_month, 'YYYY-MM-DD') || ' 00:00:00+00';
  v_to     := to_char(v_month + interval '1 month', 'YYYY-MM-DD') || ' 00:00:00+00';

  -- Fast path without locking: both partitions exist.
  IF to_regclass('ledger.journal_entries_' || v_suffix) IS NOT NULL
     AND to_regclass('ledger.postings_' || v_suffix) IS NOT NULL THEN
    RETURN;
  END IF;

  -- Serialise creators so that two writers racing on a new month do not collide.
  PERFORM pg_advisory_xact_lock(hashtext('ledger.ledger_ensure_month'));

  IF EXISTS (SELECT 1 FROM ledger.archived_months a WHERE a.month = v_month::date) THEN
    RAISE EXCEPTION 'ledger_ensure_month: % is archived and takes no more bookings', to_char(v_month, 'YYYY-MM')
      USING ERRCODE = 'check_violation';
  END IF;

  FOREACH v_parent IN ARRAY ARRAY['journal_entries', 'postings'] LOOP
    v_part := v_parent || '_' || v_suffix;
    IF to_regclass('ledger.' || v_part) IS NULL THEN
      EXECUTE format('CREATE TABLE ledger.%I PARTITION OF ledger.%I FOR VALUES FROM (%L) TO (%L)',
                     v_part, v_parent, v_from, v_to);
      EXECUTE format('REVOKE ALL ON TABLE ledger.%I FROM PUBLIC', v_part);
      EXECUTE format('ALTER TABLE ledger.%I ENABLE ROW LEVEL SECURITY', v_part);
      EXECUTE format('ALTER TABLE ledger.%I FORCE ROW LEVEL SECURITY', v_part);
    END IF;
  END LOOP;
END
$$;
/* [jooq ignore stop] */
