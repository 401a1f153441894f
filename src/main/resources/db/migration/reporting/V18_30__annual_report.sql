-- issue 18 (docs/adr/0090): the annual 社会保险业务档案管理基本情况统计表. A report is a snapshot of its figures for
-- one unit (its whole subtree) and year; submitting it (报送) freezes it and files it as a category 08 record.
-- The figures the platform cannot know (areas, equipment, staff) are entered by hand per unit and year.
create table annual_report (
    id              bigint generated always as identity primary key,
    org_id          bigint       not null,                     -- organisation unit (organisation's id)
    org_path        varchar(400) not null,                     -- its materialised path, for the data scope
    org_name        varchar(200) not null,                     -- 填报单位 as it was named when computed
    year            int          not null check (year between 1990 and 2200),
    state           varchar(12)  not null check (state in ('COMPUTED', 'SUBMITTED')),
    computed_by     varchar(100) not null,
    computed_at     timestamptz  not null,
    submitted_by    varchar(100),
    submitted_at    timestamptz,
    archive_item_id uuid,                                      -- the filed record (catalogue item id)
    archive_code    varchar(120),                              -- its 档号
    unique (org_id, year),
    check ((state = 'SUBMITTED') = (submitted_at is not null))
);
create index annual_report_scope_idx on annual_report (org_path varchar_pattern_ops, year);

create table annual_report_figure (
    report_id bigint        not null references annual_report (id),
    code      varchar(64)   not null,                          -- row code of reporting/annual-report-rows.txt
    value     numeric(16, 2) not null,
    primary key (report_id, code)
);

create table annual_manual_figure (
    org_id     bigint         not null,
    org_path   varchar(400)   not null,
    year       int            not null check (year between 1990 and 2200),
    code       varchar(64)    not null,
    value      numeric(16, 2) not null check (value >= 0),
    updated_by varchar(100)   not null,
    updated_at timestamptz    not null default now(),
    primary key (org_id, year, code)
);
create index annual_manual_figure_scope_idx on annual_manual_figure (org_path varchar_pattern_ops, year);
