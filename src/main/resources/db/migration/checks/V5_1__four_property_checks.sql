-- 四性检测 (DA/T 70-2018): runs at three stages (GD 归档, YJ 移交与接收, CQ 长期保存); each run keeps its
-- report: one row per check item (code, name, result, detail) and one row per record that failed an item
create table check_item_setting (
    code        varchar(16)  primary key,            -- e.g. CQ-1-1
    enabled     boolean      not null,
    changed_by  varchar(100) not null,
    changed_at  timestamptz  not null default now()
);

create table check_run (
    id           bigint generated always as identity primary key,
    stage        varchar(2)   not null check (stage in ('GD', 'YJ', 'CQ')),
    subject      varchar(255) not null,               -- 业务受理号, package name, or the CQ selection
    status       varchar(16)  not null check (status in ('RUNNING', 'DONE')),
    overall      varchar(16)  check (overall in ('PASS', 'FAIL')),
    records      int          not null default 0,
    failed_items int          not null default 0,
    not_checked  int          not null default 0,
    started_by   varchar(100) not null,
    started_at   timestamptz  not null default now(),
    finished_at  timestamptz
);
create index check_run_stage_idx on check_run (stage, id desc);

create table check_result (
    run_id    bigint        not null references check_run (id),
    code      varchar(16)   not null,
    property  smallint      not null check (property between 1 and 4),
    result    varchar(16)   not null check (result in ('PASS', 'FAIL', 'NOT_CHECKED')),
    passed    int           not null,
    failed    int           not null,
    detail    varchar(2000) not null,
    primary key (run_id, code)
);

create table check_failure (
    id           bigint generated always as identity primary key,
    run_id       bigint        not null references check_run (id),
    code         varchar(16)   not null,
    item_id      uuid,
    record       varchar(160)  not null,              -- 档号, or the package entry that failed
    detail       varchar(1000) not null
);
create index check_failure_run_idx on check_failure (run_id, code);
