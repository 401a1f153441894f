-- issue 18 (operations): read models of 随办随归 (filing timeliness and completeness) and of preservation health,
-- kept current by events and by a bounded incremental refresh (docs/adr/0088). Days are Beijing days.

-- one row per item filed: the identity that makes a redelivered ItemCaptured count once, and exact figures for
-- any period (UnitFigures); corrected = the item's description was corrected at least once
create table filing_item (
    item_id      uuid         primary key,
    day          date         not null,              -- filing day (归档), Beijing
    org_path     varchar(200) not null,
    step_code    varchar(32)  not null,
    days_to_file int          not null check (days_to_file >= 0),  -- handling day to filing day
    complete     boolean      not null,              -- every required material of its step present
    corrected    boolean      not null default false,
    destroyed    boolean      not null default false,
    recorded_at  timestamptz  not null default now()
);
create index filing_item_org_idx on filing_item (org_path varchar_pattern_ops, day);

-- the same per month filed × organisation × step, for dashboards over the whole holdings: hist[d + 1] counts the
-- items filed d days after handling (d = 0 … 365), hist[367] those filed later
create table filing_month (
    month        date         not null,              -- first day of the month
    org_path     varchar(200) not null,
    step_code    varchar(32)  not null,
    items        bigint       not null default 0,
    complete     bigint       not null default 0,
    corrected    bigint       not null default 0,
    destroyed    bigint       not null default 0,
    days_total   bigint       not null default 0,
    hist         int[]        not null,
    primary key (month, org_path, step_code)
);
create index filing_month_org_idx on filing_month (org_path varchar_pattern_ops, month);

-- corrections that arrived before their item's capture was counted
create table filing_correction (
    item_id     uuid        primary key,
    recorded_at timestamptz not null default now()
);

-- the backfill of items filed before the read model existed: resumable after the last item id it read
create table filing_backfill (
    id        int         primary key check (id = 1),
    after_id  uuid,
    done      boolean     not null default false,
    items     bigint      not null default 0,
    updated_at timestamptz not null default now()
);

-- each item's latest fixity check as integrity keeps it, and the same counted per check day and organisation
create table fixity_item (
    item_id    uuid         primary key,
    org_path   varchar(200) not null,
    checked_at timestamptz  not null,
    day        date         not null,
    passed     boolean      not null
);
create table fixity_day (
    day      date         not null,
    org_path varchar(200) not null,
    passed   bigint       not null default 0 check (passed >= 0),
    failed   bigint       not null default 0 check (failed >= 0),
    primary key (day, org_path)
);
create index fixity_day_org_idx on fixity_day (org_path varchar_pattern_ops, day);
-- how far the refresh read integrity's checks: keyset (checked_at, item_id)
create table fixity_cursor (
    id         int         primary key check (id = 1),
    checked_at timestamptz not null,
    item_id    uuid        not null
);
