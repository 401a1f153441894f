-- issue 18, data mining (docs/adr/0096, 0097): one row per mining run — who started it (or the monthly schedule),
-- over which organisation subtree, how many items it read of how many, how long it took — with its results
-- (trends with forecasts, co-missing material rules, step transitions) as one JSON document.
create table mining_run (
    id              bigint generated always as identity primary key,
    org_id          bigint       not null,                 -- organisation.org_unit (no cross-module key)
    org_path        varchar(400) not null,
    trigger_kind    varchar(16)  not null check (trigger_kind in ('MANUAL', 'SCHEDULED')),
    started_by      varchar(100) not null,
    started_at      timestamptz  not null default now(),
    finished_at     timestamptz,
    state           varchar(16)  not null default 'RUNNING' check (state in ('RUNNING', 'FINISHED', 'FAILED')),
    item_cap        bigint       not null check (item_cap > 0),
    min_support     double precision not null check (min_support > 0 and min_support <= 1),
    min_confidence  double precision not null check (min_confidence > 0 and min_confidence <= 1),
    items_in_scope  bigint,
    items_read      bigint,
    duration_ms     bigint,
    results         jsonb
);
-- one running run per unit: a second start is a 409
create unique index mining_run_running_idx on mining_run (org_path) where state = 'RUNNING';
create index mining_run_path_idx on mining_run (org_path, id desc);
