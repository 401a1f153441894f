-- issue 18, supervision and evaluation (监督考核, docs/adr/0092, 0093). An inspection plan covers a period and
-- one or more units within the inspector's subtree (org_path: the inspector's unit when it was made — who may
-- see it). It copies the KPI targets and weights and the checklist template from configuration, so a later
-- change of configuration never rewrites a plan. KPI values are kept per unit as a snapshot, recomputed while
-- the plan is 进行中 and frozen when it is 已评定. Rectification items (整改事项) belong to one unit of a plan.
create table inspection_plan (
    id           uuid         primary key,
    plan_no      varchar(20)  not null unique,
    title        varchar(200) not null,
    period_kind  varchar(8)   not null check (period_kind in ('YEAR', 'QUARTER', 'MONTH')),
    period_year  int          not null,
    period_no    int          not null,
    period_from  date         not null,
    period_to    date         not null,
    state        varchar(12)  not null default 'DRAFT'
                 check (state in ('DRAFT', 'ACTIVE', 'EVALUATED', 'CLOSED')),
    org_path     varchar(200) not null,
    created_by   varchar(100) not null,
    created_at   timestamptz  not null default now(),
    computed_at  timestamptz,
    evaluated_at timestamptz,
    closed_at    timestamptz,
    check (period_from <= period_to)
);
create index inspection_plan_org on inspection_plan (org_path varchar_pattern_ops);

create table inspection_plan_unit (
    plan_id  uuid         not null references inspection_plan (id),
    org_id   bigint       not null,
    org_path varchar(200) not null,
    primary key (plan_id, org_id)
);

create table inspection_plan_kpi (
    plan_id uuid          not null references inspection_plan (id),
    kpi     varchar(16)   not null,
    target  numeric(10,4) not null check (target > 0),
    weight  numeric(6,2)  not null check (weight >= 0),
    primary key (plan_id, kpi)
);

create table inspection_plan_item (
    plan_id   uuid         not null references inspection_plan (id),
    seq       int          not null,
    code      varchar(32)  not null,
    max_score numeric(6,2) not null check (max_score > 0),
    primary key (plan_id, code)
);

create table inspection_checklist_score (
    plan_id   uuid          not null references inspection_plan (id),
    org_id    bigint        not null,
    code      varchar(32)   not null,
    score     numeric(6,2)  not null check (score >= 0),
    note      varchar(1000),
    scored_by varchar(100)  not null,
    scored_at timestamptz   not null default now(),
    primary key (plan_id, org_id, code)
);

create table inspection_kpi_value (
    plan_id     uuid          not null references inspection_plan (id),
    org_id      bigint        not null,
    kpi         varchar(16)   not null,
    part        bigint,
    whole       bigint,
    value       double precision,
    score       numeric(8,4),
    computed_at timestamptz   not null default now(),
    primary key (plan_id, org_id, kpi)
);

create table rectification (
    id            uuid          primary key,
    rect_no       varchar(20)   not null unique,
    plan_id       uuid          not null references inspection_plan (id),
    org_id        bigint        not null,
    org_path      varchar(200)  not null,
    owner         varchar(100),
    title         varchar(200)  not null,
    detail        varchar(2000),
    deadline      date          not null,
    state         varchar(12)   not null default 'OPEN' check (state in ('OPEN', 'SUBMITTED', 'CLOSED')),
    report        varchar(2000),
    return_reason varchar(1000),
    returns       int           not null default 0,
    raised_by     varchar(100)  not null,
    raised_at     timestamptz   not null default now(),
    submitted_by  varchar(100),
    submitted_at  timestamptz,
    closed_by     varchar(100),
    closed_at     timestamptz
);
create index rectification_org on rectification (org_path varchar_pattern_ops);
create index rectification_plan on rectification (plan_id);
