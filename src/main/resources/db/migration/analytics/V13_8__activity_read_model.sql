-- analytics: a read model of what happened per day, organisation and activity, counted from the business
-- events (docs/adr/0047). The day is the calendar day in the people's zone (siarchive.time-zone, 北京时间).
create table activity_day (
    day      date         not null,
    org_path varchar(200) not null,               -- materialised path of the organisation, /1/4/
    activity varchar(32)  not null,               -- ActivityKind
    count    bigint       not null check (count > 0),
    amount   bigint       not null check (amount >= 0),  -- what the events carry: items granted, records checked…
    primary key (day, org_path, activity)
);
create index activity_day_org_idx on activity_day (org_path varchar_pattern_ops, day);

-- each event counted once: its identity (a digest of event type and natural id), kept with what it added
create table activity_event (
    event_key   char(64)     primary key,         -- SHA-256 (hex) of the event's identity
    identity    varchar(300) not null,            -- the identity as read, shortened for people
    activity    varchar(32)  not null,
    day         date         not null,
    org_path    varchar(200) not null,
    amount      bigint       not null,
    recorded_at timestamptz  not null default now()
);
