-- The private-stream API key and the webhook secret: sealed (AES-GCM under the master key) so the account page can
-- show them, plus a keyed digest to find the account from a presented secret.
alter table accounts add column api_key_sealed varchar(255);
alter table accounts add column api_key_lookup varchar(64);
alter table accounts add column webhook_secret_sealed varchar(255);
alter table accounts add column webhook_secret_lookup varchar(64);
create unique index accounts_api_key_lookup on accounts (api_key_lookup);
create unique index accounts_webhook_secret_lookup on accounts (webhook_secret_lookup);

-- Login sessions: only a keyed digest of the bearer token is stored.
create table sessions (
    token_lookup varchar(64) primary key,
    account_id   bigint not null references accounts (id) on delete cascade,
    created_at   timestamp with time zone not null,
    expires_at   timestamp with time zone not null
);
create index sessions_account on sessions (account_id);
