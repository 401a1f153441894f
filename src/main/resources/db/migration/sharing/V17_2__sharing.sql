-- issue 17: sharing (共享核验) with other departments under purpose binding, and the exchange register.

-- A client system of another department, registered by the security administrator. Its API token (security
-- module, scope sharing:verify) authenticates it; this row says what it may ask and why.
create table sharing_client (
    id             bigint generated always as identity primary key,
    code           varchar(32)   not null unique,
    name           varchar(100)  not null,
    department     varchar(100)  not null,
    legal_basis    varchar(500)  not null,              -- the law or agreement that allows the exchange
    purposes       varchar(1000) not null,              -- allowed purpose codes, comma-separated (code table SHARING_PURPOSE)
    fields         varchar(1000) not null,              -- allowed answer fields, comma-separated
    daily_quota    int           not null check (daily_quota > 0),
    networks       varchar(500),                        -- CIDR blocks; also set on the token
    org_id         bigint        not null,              -- the subtree whose archive it may be told about
    token_id       bigint,                              -- security.api_token id (no foreign key across modules)
    state          varchar(16)   not null default 'ACTIVE' check (state in ('ACTIVE', 'SUSPENDED')),
    registered_by  varchar(64)   not null,
    registered_at  timestamptz   not null default now(),
    changed_by     varchar(64),
    changed_at     timestamptz
);

-- Requests counted per client and day (北京时间), taken atomically before answering.
create table sharing_quota (
    client_id  bigint  not null references sharing_client (id),
    day        date    not null,
    used       int     not null default 0,
    primary key (client_id, day)
);

-- Every verification request and its answer, refused ones included. The subject only as a token (context
-- exchange.subject) and masked; the answer as the list of fields given, never their values.
create table exchange_entry (
    id               bigint generated always as identity primary key,
    client_id        bigint        references sharing_client (id),
    client_name      varchar(100)  not null,
    at               timestamptz   not null default now(),
    request_ref      varchar(64),                       -- the client's own request number
    purpose          varchar(32),
    legal_basis_ref  varchar(200),                      -- 协查函 number or legal-basis reference given with the request
    consent_ref      varchar(200),                      -- the person's consent reference, when consent is the basis
    subject_token    bytea,
    subject_masked   varchar(40),
    fields_requested varchar(1000),
    fields_answered  varchar(1000),
    result           varchar(16)   not null check (result in ('ANSWERED', 'NOT_FOUND', 'REFUSED')),
    refusal          varchar(64),                       -- the rule's message key suffix when refused
    remote_addr      varchar(64),
    duration_ms      int
);
create index exchange_entry_subject on exchange_entry (subject_token);
create index exchange_entry_client on exchange_entry (client_id, at);
create index exchange_entry_at on exchange_entry (at);
