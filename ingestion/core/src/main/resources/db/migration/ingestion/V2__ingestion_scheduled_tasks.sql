-- One row per scheduled task (a connector poll, a scheduled reconciliation run): who holds it now
-- and how its last run ended. The lease makes a task run at most once at a time across processes
-- and restarts; a holder that dies stops renewing, and its lease lapses.
CREATE TABLE ingestion.scheduled_tasks (
  task_id          varchar(256) NOT NULL,
  cron             varchar(256) NOT NULL,
  lease_owner      varchar(256),
  lease_until      timestamptz,
  last_started_at  timestamptz,
  last_finished_at timestamptz,
  last_outcome     varchar(32),
  last_detail      varchar(4096),
  runs             bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (task_id),
  CHECK ((lease_owner IS NULL) = (lease_until IS NULL))
);

-- Platform-wide rows (tasks, not tenant data): the application role may read and update them, not
-- delete them, so a task's history of outcomes cannot be erased from the application.
GRANT SELECT, INSERT, UPDATE ON ingestion.scheduled_tasks TO recon_app;
