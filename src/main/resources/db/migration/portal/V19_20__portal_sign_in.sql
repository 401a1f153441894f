-- Portal sign-in (issue 19, item 2): the identity provider's round trip kept without a servlet session, the
-- fallback registration's one-time codes, and the last TOTP step used by a fallback account.

-- One row per authorization request sent to the identity provider, keyed by the SM3 digest of its state; removed
-- when the provider's answer comes back (so a replayed answer finds nothing) or when it expires.
create table portal_oidc_request (
    state_hash  bytea        primary key,
    request     jsonb        not null,                       -- the authorization request: nonce, PKCE verifier, kind
    expires_at  timestamptz  not null
);
create index portal_oidc_request_expiry_idx on portal_oidc_request (expires_at);

-- A registration waiting for its one-time code: keyed by the SM3 digest of a random token the page carries.
create table portal_registration (
    token_hash    bytea        primary key,
    kind          varchar(16)  not null check (kind in ('PERSON', 'EMPLOYER')),
    display_name  varchar(100) not null,
    cert_no_enc   bytea        not null,                     -- SM4 (context portal.cert_no)
    phone_enc     bytea        not null,                     -- SM4 (context portal.phone)
    code_hash     bytea        not null,                     -- SM3 of token and code; the code itself is never stored
    tries_left    integer      not null,
    expires_at    timestamptz  not null,
    client_address varchar(64) not null,
    created_at    timestamptz  not null default now()
);
create index portal_registration_expiry_idx on portal_registration (expires_at);

alter table portal_account add column totp_last_step bigint not null default 0;
