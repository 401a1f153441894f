-- The online service (网上服务, issue 19): accounts of insured persons and employers' agents, their sessions
-- (the portal's own cookie, kept here so a node can die mid-session), and employer bindings approved by staff.

create table portal_account (
    id              bigint generated always as identity primary key,
    kind            varchar(16)  not null check (kind in ('PERSON', 'EMPLOYER')),
    display_name    varchar(100) not null,                   -- the real name the identity provider or registration gave
    cert_no_enc     bytea        not null,                   -- 公民身份号码, SM4 (context portal.cert_no)
    cert_no_index   bytea        not null,                   -- its blind index (same context)
    phone_enc       bytea,                                   -- 手机号码, SM4 (context portal.phone)
    oidc_issuer     varchar(255),
    oidc_subject    varchar(255),
    password_hash   varchar(255),                            -- fallback login only (argon2)
    totp_secret_enc bytea,                                   -- optional second factor of the fallback login
    state           varchar(16)  not null default 'ACTIVE' check (state in ('ACTIVE', 'PENDING', 'DISABLED')),
    failed_logins   integer      not null default 0,
    locked_until    timestamptz,
    last_login_at   timestamptz,
    created_at      timestamptz  not null default now(),
    unique (oidc_issuer, oidc_subject)
);
create unique index portal_account_kind_cert_idx on portal_account (kind, cert_no_index);

create table portal_session (
    token_hash     bytea        primary key,                 -- SM3 of the cookie value; the value itself is never stored
    account_id     bigint       not null references portal_account (id),
    created_at     timestamptz  not null default now(),
    last_seen_at   timestamptz  not null default now(),
    expires_at     timestamptz  not null,                    -- absolute end, whatever the activity
    client_address varchar(64)  not null
);
create index portal_session_account_idx on portal_session (account_id);

create table employer_binding (
    id            bigint generated always as identity primary key,
    account_id    bigint       not null references portal_account (id),
    credit_code   varchar(18)  not null,                     -- 统一社会信用代码, checked digit
    employer_name varchar(200) not null,
    org_path      varchar(255),                              -- the unit whose staff decides (the employer's handling agency)
    state         varchar(16)  not null default 'PENDING' check (state in ('PENDING', 'APPROVED', 'REJECTED', 'REVOKED')),
    requested_at  timestamptz  not null default now(),
    decided_at    timestamptz,
    decided_by    varchar(64),
    reason        varchar(500),
    unique (account_id, credit_code)
);
create index employer_binding_credit_idx on employer_binding (credit_code) where state = 'APPROVED';
