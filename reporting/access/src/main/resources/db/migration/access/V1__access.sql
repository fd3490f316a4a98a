-- Users are global; what they may do is per tenant (memberships). Credentials are stored only as
-- hashes: Argon2id for passwords, SHA-256 for session ids and API key secrets (both are 256-bit random
-- values, so a fast hash is enough). The TOTP secret must be readable to verify codes.

create table users (
  user_id        bigint generated always as identity primary key,
  username       varchar(64)  not null unique,
  display_name   varchar(128) not null,
  password_hash  varchar(256) not null,
  totp_secret    varchar(64)  not null,
  -- the last accepted TOTP time step: a code of this step or an earlier one is refused (no replay)
  totp_last_step bigint       not null default -1,
  disabled       boolean      not null default false,
  created_at     timestamptz  not null,
  constraint users_username_chk check (username ~ '^[a-z0-9][a-z0-9._@-]{1,63}$')
);

create table memberships (
  user_id    bigint      not null references users (user_id),
  tenant_id  varchar(64) not null,
  role       varchar(16) not null,
  granted_at timestamptz not null,
  primary key (user_id, tenant_id),
  constraint memberships_role_chk check (role in ('VIEWER', 'ANALYST', 'APPROVER', 'ADMIN'))
);

create table sessions (
  session_hash   bytea       primary key,
  user_id        bigint      not null references users (user_id),
  created_at     timestamptz not null,
  last_seen_at   timestamptz not null,
  -- null until the second factor was given: such a session may only complete the TOTP step
  mfa_at         timestamptz,
  revoked_at     timestamptz,
  csrf_token     varchar(64) not null,
  client_address varchar(64) not null,
  constraint sessions_hash_len_chk check (octet_length(session_hash) = 32)
);
create index sessions_user_idx on sessions (user_id) where revoked_at is null;

create table api_keys (
  key_id       varchar(32)  primary key,
  secret_hash  bytea        not null,
  user_id      bigint       not null references users (user_id),
  tenant_id    varchar(64)  not null,
  scopes       varchar(64)  not null,
  label        varchar(128) not null,
  created_at   timestamptz  not null,
  last_used_at timestamptz,
  revoked_at   timestamptz,
  constraint api_keys_hash_len_chk check (octet_length(secret_hash) = 32)
);
create index api_keys_tenant_idx on api_keys (tenant_id);
