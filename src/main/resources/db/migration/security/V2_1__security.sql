-- security: organisations, accounts, roles, data scope, API clients, policy; personal data encrypted;
-- the audit trail becomes a hash chain with signed checkpoints.

create table org_unit (                               -- 组织机构: province → city → county agency
    id        bigint generated always as identity primary key,
    parent_id bigint references org_unit (id),
    code      varchar(32)  not null unique,
    name      varchar(200) not null,
    level     varchar(16)  not null check (level in ('PROVINCE', 'CITY', 'COUNTY', 'AGENCY')),
    path      varchar(400) not null unique              -- '/1/4/9/': ids from the root, for subtree scope
);

alter table fonds add column org_id bigint references org_unit (id);

create table account (
    id                  bigint generated always as identity primary key,
    username            varchar(64)  not null unique,
    display_name        varchar(100) not null,
    org_id              bigint       not null references org_unit (id),
    password_hash       varchar(200) not null,
    password_changed_at timestamptz  not null default now(),
    must_change         boolean      not null default true,
    status              varchar(16)  not null check (status in ('PENDING', 'ACTIVE', 'DISABLED')),
    totp_secret         bytea,                           -- SM4-GCM encrypted
    totp_enabled        boolean      not null default false,
    totp_required       boolean      not null default false,  -- per account, besides the roles that always need it
    totp_last_step      bigint       not null default 0,      -- last accepted time step: no code is used twice
    failed_logins       int          not null default 0,
    locked_until        timestamptz,
    allowed_networks    varchar(500),                    -- comma-separated CIDRs; null = anywhere
    clearance           int          not null default 1 check (clearance between 1 and 3),
    all_fonds           boolean      not null default true,
    created_at          timestamptz  not null default now(),
    created_by          varchar(64)  not null,
    approved_by         varchar(64),
    last_login_at       timestamptz,
    last_login_ip       varchar(64)
);

create table account_role (
    account_id bigint      not null references account (id),
    role       varchar(16) not null,
    granted_by varchar(64) not null,
    granted_at timestamptz not null default now(),
    primary key (account_id, role)
);

create table account_fonds (                          -- data scope: fonds (when all_fonds is false)
    account_id bigint not null references account (id),
    fonds_id   bigint not null references fonds (id),
    primary key (account_id, fonds_id)
);

create table password_history (
    account_id    bigint       not null references account (id),
    password_hash varchar(200) not null,
    set_at        timestamptz  not null default now()
);
create index password_history_idx on password_history (account_id, set_at desc);

create table api_token (                              -- machine clients: business systems, other departments
    id          bigint generated always as identity primary key,
    client      varchar(100) not null,
    prefix      varchar(16)  not null,                 -- shown to tell tokens apart; the rest is never stored
    token_hash  bytea        not null unique,          -- SM3 of the token
    org_id      bigint       not null references org_unit (id),
    scopes      varchar(1000) not null,                -- permission strings, comma-separated
    clearance   int          not null default 1 check (clearance between 1 and 3),
    allowed_networks varchar(500),
    expires_at  timestamptz  not null,
    revoked_at  timestamptz,
    created_by  varchar(64)  not null,
    created_at  timestamptz  not null default now(),
    last_used_at timestamptz
);

create table security_setting (                       -- policy values set by the security administrator
    key        varchar(64)  primary key,
    value      varchar(200) not null,
    updated_by varchar(64)  not null,
    updated_at timestamptz  not null default now()
);

create table crypto_key (                             -- data keys, wrapped (SM4-GCM) under the master key
    id         int          primary key,
    purpose    varchar(16)  not null check (purpose in ('FIELD', 'INDEX')),
    wrapped    bytea        not null,
    status     varchar(16)  not null check (status in ('ACTIVE', 'RETIRED')),
    created_at timestamptz  not null default now()
);

-- personal data: ciphertext plus a keyed blind index for exact lookup; plaintext columns are emptied
-- by the start-up migration of rows written before encryption and then stay null.
alter table person alter column cert_no drop not null;
alter table person drop constraint person_cert_type_cert_no_key;
alter table person add column cert_no_enc bytea;
alter table person add column cert_no_index bytea;
alter table person add column phone_enc bytea;
alter table person add column bank_account_enc bytea;
create unique index person_cert_index_idx on person (cert_type, cert_no_index);

alter table search_entry add column cert_no_index bytea;
alter table search_entry add column fonds_id bigint;
alter table search_entry add column org_path varchar(400);
alter table search_entry add column clearance int;
drop index search_cert_no_idx;
create index search_cert_no_index_idx on search_entry (cert_no_index);

-- audit: hash chain
alter table audit_entry add column seq bigint unique;
alter table audit_entry add column prev_hash bytea;
alter table audit_entry add column hash bytea;
update audit_entry a set seq = n.rn
from (select id, row_number() over (order by id) as rn from audit_entry) n where n.id = a.id;
create index audit_actor_idx on audit_entry (actor, at);
create index audit_operation_idx on audit_entry (operation, at);

create table audit_chain_head (
    id   int primary key check (id = 1),
    seq  bigint not null,
    hash bytea  not null
);

create table audit_checkpoint (
    id        bigint generated always as identity primary key,
    seq       bigint      not null,
    hash      bytea       not null,
    signed_at timestamptz not null,
    key_id    varchar(64) not null,                    -- SM3 fingerprint of the SM2 public key
    signature bytea       not null
);

-- nobody changes or removes an audit entry through the database connection the application uses
-- (the one exception: entries written before the chain existed are sealed once, at the first start)
create function audit_entry_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and tg_table_name = 'audit_entry' and old.hash is null and new.hash is not null
       and new.seq is not distinct from old.seq and new.actor = old.actor and new.at = old.at
       and new.operation = old.operation and new.object_id = old.object_id
       and new.detail is not distinct from old.detail and new.reason is not distinct from old.reason then
        return new;
    end if;
    raise exception 'audit entries are append-only (% refused)', tg_op;
end $$;
create trigger audit_entry_no_update before update or delete on audit_entry
    for each row execute function audit_entry_append_only();
create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_entry_append_only();
create trigger audit_checkpoint_no_update before update or delete on audit_checkpoint
    for each row execute function audit_entry_append_only();
