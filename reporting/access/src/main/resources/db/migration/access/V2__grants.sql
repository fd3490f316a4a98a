-- The application role reads and writes through these grants only; it owns nothing and cannot
-- delete users, sessions or keys (they are disabled or revoked instead, which keeps the history).
grant usage on schema access to recon_app;
grant select, insert, update on users, sessions, api_keys to recon_app;
grant select, insert, update, delete on memberships to recon_app;
