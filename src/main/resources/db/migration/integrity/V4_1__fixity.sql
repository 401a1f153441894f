-- fixity sweeps: every stored file re-hashed (SM3 + SHA-256) against the catalogue, every object validated
-- by OCFL (sha512 inventory), every sidecar compared with the catalogue; resumable by item cursor
create table fixity_sweep (
    id             bigint generated always as identity primary key,
    status         varchar(16)  not null check (status in ('RUNNING', 'DONE')),
    rate_mb_s      int          not null,            -- 0 = unlimited
    items_total    int          not null,
    items_done     int          not null default 0,
    bytes_done     bigint       not null default 0,
    findings       int          not null default 0,
    cursor_item    uuid,                              -- last item checked: a restart resumes after it
    started_by     varchar(100) not null,
    started_at     timestamptz  not null default now(),
    finished_at    timestamptz
);
create unique index fixity_one_running on fixity_sweep (status) where status = 'RUNNING';

create table fixity_finding (
    id           bigint generated always as identity primary key,
    sweep_id     bigint       not null references fixity_sweep (id),
    item_id      uuid         not null,
    archive_code varchar(120) not null,
    kind         varchar(16)  not null check (kind in ('CONTENT', 'MISSING', 'DIGEST_ROW', 'SIDECAR', 'INVENTORY')),
    subject      varchar(255) not null,               -- logical path or field
    detail       varchar(1000) not null,
    found_at     timestamptz  not null default now()
);
create index fixity_finding_sweep_idx on fixity_finding (sweep_id, item_id);
