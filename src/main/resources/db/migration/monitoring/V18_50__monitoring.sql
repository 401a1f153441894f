-- security monitoring (issue 18, docs/adr/0094): rules over the audit trail, their alerts, and what they remember

-- the thresholds are policy: one row per rule, changed by the security administrator (audited)
create table monitoring_rule (
    code           varchar(32) primary key,
    enabled        boolean     not null default true,
    severity       varchar(8)  not null check (severity in ('LOW', 'MEDIUM', 'HIGH')),
    threshold      integer,
    window_minutes integer,
    work_start     smallint,
    work_end       smallint,
    lookback_days  integer,
    deviations     numeric(4, 1),
    updated_at     timestamptz,
    updated_by     varchar(100)
);

insert into monitoring_rule (code, severity, threshold, window_minutes, work_start, work_end, lookback_days, deviations)
values ('BULK_READ',       'HIGH',   50,   60,   null, null, null, null),
       ('OFF_HOURS',       'MEDIUM', null, null, 8,    18,   null, null),
       ('REPEATED_UNMASK', 'HIGH',   10,   60,   null, null, null, null),
       ('NEW_NETWORK',     'MEDIUM', null, null, null, null, 90,   null),
       ('FAILED_LOGINS',   'HIGH',   5,    10,   null, null, null, null),
       ('DENIED_BURST',    'MEDIUM', 10,   10,   null, null, null, null),
       ('API_VOLUME',      'MEDIUM', 1000, 60,   null, null, 14,   3.0),
       ('REGISTER_EXPORT', 'LOW',    null, 60,   null, null, null, null);

-- how far the evaluator has read the audit trail (one row)
create table monitoring_watermark (
    id            smallint    primary key check (id = 1),
    last_entry_id bigint      not null,
    updated_at    timestamptz not null
);

-- one alert per rule × actor × window; the entries behind it are linked
create table monitoring_alert (
    id              uuid         primary key,
    rule_code       varchar(32)  not null,
    actor           varchar(200) not null,
    org_path        varchar(200) not null,
    window_start    timestamptz  not null,
    window_end      timestamptz  not null,
    severity        varchar(8)   not null,
    observed        integer      not null,
    threshold       integer,
    raised_at       timestamptz  not null,
    state           varchar(16)  not null default 'OPEN' check (state in ('OPEN', 'ACKNOWLEDGED')),
    acknowledged_by varchar(100),
    acknowledged_at timestamptz,
    note            varchar(2000),
    unique (rule_code, actor, window_start)
);
create index monitoring_alert_raised_idx on monitoring_alert (raised_at);
create index monitoring_alert_org_idx on monitoring_alert (org_path varchar_pattern_ops);

create table monitoring_alert_entry (
    alert_id uuid   not null references monitoring_alert (id),
    entry_id bigint not null,
    primary key (alert_id, entry_id)
);

-- what windowed rules counted: one row per entry (key = what is counted distinct, e.g. the person file)
create table monitoring_observation (
    rule_code    varchar(32)  not null,
    actor        varchar(200) not null,
    window_start timestamptz  not null,
    entry_id     bigint       not null,
    counted_key  varchar(250) not null,
    primary key (rule_code, actor, window_start, entry_id)
);
create index monitoring_observation_window_idx on monitoring_observation (window_start);

-- the networks (IPv4 /24, IPv6 /64) each account has been seen from
create table monitoring_network (
    actor      varchar(200) not null,
    network    varchar(64)  not null,
    first_seen timestamptz  not null,
    last_seen  timestamptz  not null,
    primary key (actor, network)
);

-- the hourly call counts of each API client: the baseline of its usual volume
create table monitoring_api_hour (
    client varchar(200) not null,
    hour   timestamptz  not null,
    calls  integer      not null,
    primary key (client, hour)
);
