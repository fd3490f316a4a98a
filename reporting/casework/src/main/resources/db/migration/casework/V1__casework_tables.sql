-- Casework: what finance users work on (breaks, their source records and lines, matches, proposals
-- under four eyes) and the audit trail of every action. Its own schema, Flyway history and grants;
-- the ledger's migrations run first because they create the application role recon_app.
CREATE SCHEMA IF NOT EXISTS casework;

-- The original file or webhook body, so a user can read the line a record came from. Bodies above
-- the cap (CaseStore.MAX_DOCUMENT_BYTES) are kept as metadata only: content is then NULL.
CREATE TABLE casework.source_documents (
  tenant_id    varchar(64)   NOT NULL,
  sha256       char(64)      NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  file_name    varchar(1000),
  source       varchar(200)  NOT NULL,
  received_at  timestamptz   NOT NULL,
  size_bytes   bigint        NOT NULL CHECK (size_bytes >= 0),
  content      bytea         CHECK (content IS NULL OR octet_length(content) <= 33554432),
  PRIMARY KEY (tenant_id, sha256),
  CHECK (content IS NULL OR octet_length(content) = size_bytes)
);

-- One canonical record (recon inspect's view) with where it came from.
CREATE TABLE casework.canonical_records (
  tenant_id        varchar(64)   NOT NULL,
  record_kind      varchar(16)   NOT NULL CHECK (record_kind IN ('EXPECTED', 'PSP_TXN', 'PAYOUT', 'BANK_LINE')),
  record_id        varchar(300)  NOT NULL,
  record_type      varchar(32),
  psp              varchar(100),
  bank_account     varchar(200),
  reference        varchar(300),
  amount_minor     bigint        NOT NULL,
  currency         char(3)       NOT NULL,
  fee_minor        bigint        NOT NULL DEFAULT 0,
  fee_currency     char(3),
  event_date       date          NOT NULL,
  source           varchar(200)  NOT NULL,
  file_name        varchar(1000),
  document_sha256  char(64)      NOT NULL,
  source_line      integer       NOT NULL CHECK (source_line >= 0),
  canonical        jsonb         NOT NULL,
  PRIMARY KEY (tenant_id, record_kind, record_id)
);
CREATE INDEX canonical_records_by_document ON casework.canonical_records (tenant_id, document_sha256, source_line);
CREATE INDEX canonical_records_by_date ON casework.canonical_records (tenant_id, event_date, psp);

CREATE TABLE casework.matches (
  tenant_id   varchar(64)  NOT NULL,
  match_id    varchar(300) NOT NULL,
  level       varchar(8)   NOT NULL,
  rule        varchar(200) NOT NULL,
  confidence  integer      NOT NULL CHECK (confidence BETWEEN 0 AND 100),
  matched_at  timestamptz  NOT NULL,
  PRIMARY KEY (tenant_id, match_id)
);

CREATE TABLE casework.match_members (
  tenant_id     varchar(64)  NOT NULL,
  match_id      varchar(300) NOT NULL,
  record_kind   varchar(16)  NOT NULL,
  record_id     varchar(300) NOT NULL,
  amount_minor  bigint       NOT NULL,
  currency      varchar(3)   NOT NULL,
  PRIMARY KEY (tenant_id, match_id, record_kind, record_id),
  FOREIGN KEY (tenant_id, match_id) REFERENCES casework.matches (tenant_id, match_id)
);
CREATE INDEX match_members_by_record ON casework.match_members (tenant_id, record_kind, record_id);

-- A break. amount_at_risk_minor is what the queue sorts and filters on; psp and reference are
-- copied from the canonical record so the queue filters without a join.
CREATE TABLE casework.exceptions (
  tenant_id             varchar(64)   NOT NULL,
  exception_id          varchar(300)  NOT NULL,
  level                 varchar(8)    NOT NULL,
  reason                varchar(64)   NOT NULL,
  record_kind           varchar(16)   NOT NULL,
  record_id             varchar(300)  NOT NULL,
  amount_minor          bigint        NOT NULL CHECK (amount_minor BETWEEN -1000000000000000 AND 1000000000000000),
  amount_at_risk_minor  bigint        GENERATED ALWAYS AS (abs(amount_minor)) STORED,
  currency              varchar(3)    NOT NULL,
  record_time           timestamptz   NOT NULL,
  detected_at           timestamptz   NOT NULL,
  detail                varchar(4000),
  due_date              date,
  due_status            varchar(16),
  psp                   varchar(100),
  reference             varchar(300),
  state                 varchar(8)    NOT NULL DEFAULT 'OPEN' CHECK (state IN ('OPEN', 'RESOLVED')),
  resolution_kind       varchar(16),
  resolution_id         varchar(300),
  resolved_at           timestamptz,
  assignee              varchar(200),
  PRIMARY KEY (tenant_id, exception_id),
  CHECK ((state = 'OPEN') = (resolution_kind IS NULL)),
  CHECK ((state = 'OPEN') = (resolved_at IS NULL))
);
-- The queue pages by (sort key, exception_id) within tenant and state: one index per sort.
CREATE INDEX exceptions_queue_age ON casework.exceptions (tenant_id, state, record_time, exception_id);
CREATE INDEX exceptions_queue_amount ON casework.exceptions (tenant_id, state, amount_at_risk_minor, exception_id);
CREATE INDEX exceptions_queue_reason ON casework.exceptions (tenant_id, state, reason, exception_id);
CREATE INDEX exceptions_queue_detected ON casework.exceptions (tenant_id, state, detected_at, exception_id);
CREATE INDEX exceptions_queue_assignee ON casework.exceptions (tenant_id, state, assignee, record_time, exception_id);
CREATE INDEX exceptions_by_record ON casework.exceptions (tenant_id, record_kind, record_id);
-- The queue's search: exact exception id (primary key), record id or reference.
CREATE INDEX exceptions_by_record_id ON casework.exceptions (tenant_id, record_id);
CREATE INDEX exceptions_by_reference ON casework.exceptions (tenant_id, reference);

CREATE TABLE casework.resolutions (
  tenant_id              varchar(64)   NOT NULL,
  resolution_id          varchar(300)  NOT NULL,
  exception_id           varchar(300)  NOT NULL,
  how                    varchar(16)   NOT NULL,
  match_id               varchar(300),
  record_kind            varchar(16)   NOT NULL,
  record_id              varchar(300)  NOT NULL,
  exception_detected_at  timestamptz   NOT NULL,
  resolved_at            timestamptz   NOT NULL,
  detail                 varchar(4000),
  PRIMARY KEY (tenant_id, resolution_id)
);
CREATE INDEX resolutions_by_exception ON casework.resolutions (tenant_id, exception_id);

CREATE TABLE casework.comments (
  tenant_id     varchar(64)   NOT NULL,
  comment_id    varchar(64)   NOT NULL,
  exception_id  varchar(300)  NOT NULL,
  author        varchar(200)  NOT NULL,
  body          varchar(4000) NOT NULL,
  at            timestamptz   NOT NULL,
  PRIMARY KEY (tenant_id, comment_id),
  FOREIGN KEY (tenant_id, exception_id) REFERENCES casework.exceptions (tenant_id, exception_id)
);
CREATE INDEX comments_by_exception ON casework.comments (tenant_id, exception_id, at);

CREATE TABLE casework.dead_letters (
  tenant_id        varchar(64)   NOT NULL,
  dead_letter_id   varchar(300)  NOT NULL,
  source           varchar(200)  NOT NULL,
  file_name        varchar(1000),
  document_sha256  char(64)      NOT NULL,
  source_line      integer       NOT NULL,
  format           varchar(64),
  field            varchar(200),
  reason           varchar(4000) NOT NULL,
  excerpt          varchar(4000),
  received_at      timestamptz   NOT NULL,
  PRIMARY KEY (tenant_id, dead_letter_id)
);
CREATE INDEX dead_letters_by_received ON casework.dead_letters (tenant_id, received_at);

-- Manual match, unmatch and write-off proposals. Four eyes is the database's rule too: the decider
-- differs from the proposer (CHECK), and a decided proposal never changes again (trigger).
CREATE TABLE casework.proposals (
  tenant_id         varchar(64)   NOT NULL,
  proposal_id       varchar(64)   NOT NULL,
  kind              varchar(16)   NOT NULL CHECK (kind IN ('MATCH', 'UNMATCH', 'WRITE_OFF')),
  records           varchar(320)[] NOT NULL,
  exception_id      varchar(300),
  match_id          varchar(300),
  amount_minor      bigint,
  currency          varchar(3),
  psp               varchar(200),
  bank_account      varchar(200),
  comment           varchar(4000) NOT NULL,
  proposed_by       varchar(200)  NOT NULL,
  proposed_at       timestamptz   NOT NULL,
  state             varchar(10)   NOT NULL DEFAULT 'PROPOSED' CHECK (state IN ('PROPOSED', 'APPROVED', 'REJECTED')),
  decided_by        varchar(200),
  decided_at        timestamptz,
  decision_comment  varchar(4000),
  PRIMARY KEY (tenant_id, proposal_id),
  CONSTRAINT proposals_four_eyes CHECK (decided_by IS NULL OR decided_by <> proposed_by),
  CHECK ((state = 'PROPOSED') = (decided_by IS NULL)),
  CHECK ((decided_by IS NULL) = (decided_at IS NULL))
);
CREATE INDEX proposals_by_state ON casework.proposals (tenant_id, state, proposed_at);
CREATE INDEX proposals_by_exception ON casework.proposals (tenant_id, exception_id);
-- One open proposal per break: a second one is a value outcome (ALREADY_PROPOSED), not a race.
CREATE UNIQUE INDEX proposals_one_open_per_exception ON casework.proposals (tenant_id, exception_id)
  WHERE state = 'PROPOSED' AND exception_id IS NOT NULL;

-- The audit trail: per tenant a hash chain. hash = SHA-256 over prev_hash and the canonical event
-- (AuditChain); seq has no gaps; the first event's prev_hash is 64 zeros.
CREATE TABLE casework.audit_log (
  tenant_id  varchar(64)   NOT NULL,
  seq        bigint        NOT NULL CHECK (seq >= 1),
  prev_hash  char(64)      NOT NULL CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
  hash       char(64)      NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
  at         timestamptz   NOT NULL,
  actor      varchar(200)  NOT NULL,
  action     varchar(64)   NOT NULL,
  subject    varchar(320)  NOT NULL,
  detail     text          NOT NULL CHECK (length(detail) <= 16000),
  PRIMARY KEY (tenant_id, seq)
);
CREATE INDEX audit_log_by_subject ON casework.audit_log (tenant_id, subject, seq);
