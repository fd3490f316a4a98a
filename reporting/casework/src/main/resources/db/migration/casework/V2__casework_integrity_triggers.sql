-- The audit trail is append-only, for every role that does not first switch the triggers off (which
-- only the owner can, and AuditTrail.verify then finds the change).
CREATE FUNCTION casework.refuse_audit_change() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  RAISE EXCEPTION 'casework.audit_log is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_log_no_update_delete
  BEFORE UPDATE OR DELETE ON casework.audit_log
  FOR EACH ROW EXECUTE FUNCTION casework.refuse_audit_change();

CREATE TRIGGER audit_log_no_truncate
  BEFORE TRUNCATE ON casework.audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION casework.refuse_audit_change();

-- Each new event links to the one before it: seq follows without a gap and prev_hash is the
-- previous event's hash. SECURITY INVOKER: it reads the tenant's chain under the caller's
-- row-level security, where the previous event of that tenant is visible.
CREATE FUNCTION casework.require_audit_link() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  v_prev char(64);
BEGIN
  IF NEW.seq = 1 THEN
    v_prev := repeat('0', 64);
  ELSE
    SELECT a.hash INTO v_prev FROM casework.audit_log a
     WHERE a.tenant_id = NEW.tenant_id AND a.seq = NEW.seq - 1;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'audit event % of tenant % follows no event', NEW.seq, NEW.tenant_id
        USING ERRCODE = 'check_violation';
    END IF;
  END IF;
  IF NEW.prev_hash <> v_prev THEN
    RAISE EXCEPTION 'audit event % of tenant % does not link to the previous event', NEW.seq, NEW.tenant_id
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER audit_log_linked
  BEFORE INSERT ON casework.audit_log
  FOR EACH ROW EXECUTE FUNCTION casework.require_audit_link();

-- Four eyes: a proposal is decided once, by someone else, and what was proposed never changes.
CREATE FUNCTION casework.require_single_decision() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF OLD.state <> 'PROPOSED' THEN
    RAISE EXCEPTION 'proposal % is already %', OLD.proposal_id, OLD.state
      USING ERRCODE = 'check_violation';
  END IF;
  IF NEW.state = 'PROPOSED' THEN
    RAISE EXCEPTION 'a decision on proposal % must approve or reject it', OLD.proposal_id
      USING ERRCODE = 'check_violation';
  END IF;
  IF NEW.decided_by IS NULL OR NEW.decided_by = OLD.proposed_by THEN
    RAISE EXCEPTION 'four eyes: proposal % must be decided by someone other than %', OLD.proposal_id, OLD.proposed_by
      USING ERRCODE = 'check_violation';
  END IF;
  IF (NEW.tenant_id, NEW.proposal_id, NEW.kind, NEW.records, NEW.exception_id, NEW.match_id,
      NEW.amount_minor, NEW.currency, NEW.psp, NEW.bank_account, NEW.comment, NEW.proposed_by,
      NEW.proposed_at)
     IS DISTINCT FROM
     (OLD.tenant_id, OLD.proposal_id, OLD.kind, OLD.records, OLD.exception_id, OLD.match_id,
      OLD.amount_minor, OLD.currency, OLD.psp, OLD.bank_account, OLD.comment, OLD.proposed_by,
      OLD.proposed_at) THEN
    RAISE EXCEPTION 'proposal % cannot change what it proposes', OLD.proposal_id
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER proposals_single_decision
  BEFORE UPDATE ON casework.proposals
  FOR EACH ROW EXECUTE FUNCTION casework.require_single_decision();

-- A resolved break stays resolved (a resolution is appended, never taken back).
CREATE FUNCTION casework.keep_resolved() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF OLD.state = 'RESOLVED' AND (NEW.state <> 'RESOLVED'
      OR NEW.resolution_kind IS DISTINCT FROM OLD.resolution_kind
      OR NEW.resolution_id IS DISTINCT FROM OLD.resolution_id) THEN
    RAISE EXCEPTION 'exception % is resolved already', OLD.exception_id
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER exceptions_keep_resolved
  BEFORE UPDATE ON casework.exceptions
  FOR EACH ROW EXECUTE FUNCTION casework.keep_resolved();
