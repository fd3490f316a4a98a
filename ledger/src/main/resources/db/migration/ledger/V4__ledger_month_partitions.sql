/* [jooq ignore start] */
-- The only way partitions come into being: the platform calls this ahead of its writes (the ledger
-- writer does, for every month it is about to book into). SECURITY DEFINER so that the application
-- role, which owns nothing and may create nothing, still gets its partitions; the search_path and the
-- time zone are pinned so that the caller's session cannot redirect names or shift month bounds.
-- Each partition gets row-level security enabled and forced with no policy: direct access to a
-- partition sees nothing, whoever is granted what; all access goes through the parent's policies.
CREATE FUNCTION ledger.ledger_ensure_month(ts timestamptz) RETURNS void
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

REVOKE ALL ON FUNCTION ledger.ledger_ensure_month(timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ledger.ledger_ensure_month(timestamptz) TO recon_app;
/* [jooq ignore stop] */
