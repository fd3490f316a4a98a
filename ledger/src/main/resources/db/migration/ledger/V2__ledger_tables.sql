-- Chart of accounts per tenant; an account is created on first use by the ledger writer.
CREATE TABLE ledger.accounts (
  tenant_id      varchar(64)  NOT NULL,
  account        varchar(200) NOT NULL,
  account_type   varchar(16)  NOT NULL,
  normal_balance varchar(6)   NOT NULL,
  created_at     timestamptz  NOT NULL DEFAULT current_timestamp,
  CONSTRAINT accounts_pk PRIMARY KEY (tenant_id, account),
  CONSTRAINT accounts_type_ck CHECK (account_type IN ('ASSET', 'LIABILITY', 'INCOME', 'EXPENSE', 'EQUITY')),
  CONSTRAINT accounts_normal_balance_ck CHECK (normal_balance IN ('DEBIT', 'CREDIT'))
  /* [jooq ignore start] */
  , CONSTRAINT accounts_tenant_ck CHECK (tenant_id ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$')
  , CONSTRAINT accounts_code_ck CHECK (account ~ '^[a-z][a-z_]*(:[A-Za-z0-9][A-Za-z0-9._-]{0,63})?$')
  /* [jooq ignore stop] */
);

-- Journal entries and postings are partitioned by month on booked_at (UTC months); partitions are
-- created by ledger.ledger_ensure_month (V4), never by hand. Keys carry tenant_id first so the ledger
-- can be distributed by tenant, and booked_at because a partitioned key must contain the partition key.
CREATE TABLE ledger.journal_entries (
  tenant_id   varchar(64)   NOT NULL,
  entry_id    varchar(64)   NOT NULL,
  booked_at   timestamptz   NOT NULL,
  source_kind varchar(32)   NOT NULL,
  source_id   varchar(256)  NOT NULL,
  description varchar(1000),
  created_at  timestamptz   NOT NULL DEFAULT current_timestamp,
  CONSTRAINT journal_entries_pk PRIMARY KEY (tenant_id, entry_id, booked_at)
) /* [jooq ignore start] */ PARTITION BY RANGE (booked_at) /* [jooq ignore stop] */;

CREATE INDEX journal_entries_source_ix ON ledger.journal_entries (tenant_id, source_id);

CREATE TABLE ledger.postings (
  tenant_id    varchar(64)  NOT NULL,
  entry_id     varchar(64)  NOT NULL,
  booked_at    timestamptz  NOT NULL,
  line_no      integer      NOT NULL,
  account      varchar(200) NOT NULL,
  debit_minor  bigint       NOT NULL,
  credit_minor bigint       NOT NULL,
  currency     char(3)      NOT NULL,
  CONSTRAINT postings_pk PRIMARY KEY (tenant_id, entry_id, booked_at, line_no),
  CONSTRAINT postings_entry_fk FOREIGN KEY (tenant_id, entry_id, booked_at)
    REFERENCES ledger.journal_entries (tenant_id, entry_id, booked_at),
  CONSTRAINT postings_account_fk FOREIGN KEY (tenant_id, account)
    REFERENCES ledger.accounts (tenant_id, account),
  CONSTRAINT postings_line_no_ck CHECK (line_no >= 1),
  CONSTRAINT postings_debit_ck CHECK (debit_minor >= 0),
  CONSTRAINT postings_credit_ck CHECK (credit_minor >= 0),
  CONSTRAINT postings_one_side_ck CHECK ((debit_minor > 0 AND credit_minor = 0) OR (debit_minor = 0 AND credit_minor > 0))
  /* [jooq ignore start] */
  , CONSTRAINT postings_currency_ck CHECK (currency ~ '^[A-Z]{3}$')
  /* [jooq ignore stop] */
) /* [jooq ignore start] */ PARTITION BY RANGE (booked_at) /* [jooq ignore stop] */;
