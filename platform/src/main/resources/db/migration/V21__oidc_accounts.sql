-- Accounts of people who log in through an OpenID Connect provider (Keycloak): found by the token's subject. Local
-- accounts have none. Numbered apart from the features' migrations so parallel branches do not collide.
alter table accounts add column oidc_subject varchar(255);
create unique index accounts_oidc_subject on accounts (oidc_subject);
