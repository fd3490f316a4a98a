-- TOTP secrets are sealed at rest with AES-256-GCM under a key kept outside the database (the
-- user id is associated data, so a ciphertext copied to another row does not open). totp_key_id
-- names the key that sealed the row, so keys rotate. Secrets stored in clear before this version
-- stay readable in totp_secret_clear until they are sealed (at start, or at the next login).

alter table users rename column totp_secret to totp_secret_clear;
alter table users alter column totp_secret_clear drop not null;

alter table users
  add column totp_key_id     varchar(32),
  add column totp_nonce      bytea,
  add column totp_ciphertext bytea,
  add constraint users_totp_secret_chk check (
    (totp_secret_clear is not null
      and totp_key_id is null and totp_nonce is null and totp_ciphertext is null)
    or (totp_secret_clear is null
      and totp_key_id is not null
      and octet_length(totp_nonce) = 12
      and octet_length(totp_ciphertext) between 17 and 80));

-- A new user's id is drawn before the insert: it is the associated data its secret is sealed with.
do $$
begin
  execute format('grant usage on sequence %s to recon_app',
                 pg_get_serial_sequence('access.users', 'user_id'));
end
$$;
