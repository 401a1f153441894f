-- federation (docs/adr/0140): the county's push state, and the province's copy of every county's catalogue

-- county side: one row; the batch being sent is kept until the province acknowledges it (crash-safe re-send)
create table federation_push (
    id              int          primary key check (id = 1),
    acked_sequence  bigint       not null default 0,
    since           timestamptz  not null default '1970-01-01T00:00:00Z',
    after_item      uuid,
    pass_started    timestamptz,
    pending_seq     bigint,
    pending_body    bytea,
    pending_since   timestamptz,
    pending_after   uuid,
    pending_pass    timestamptz,
    acked_at        timestamptz
);
insert into federation_push (id) values (1);

-- province side: per county, the last sequence accepted and the answer given for it (idempotent replays)
create table federation_county (
    county_code   varchar(40)  primary key,
    org_path      varchar(400) not null,
    last_sequence bigint       not null,
    last_answer   text         not null,
    received_at   timestamptz  not null default now()
);

create table federation_entry (
    county_code   varchar(40)  not null,
    archive_code  varchar(120) not null,
    org_path      varchar(400) not null,
    title         varchar(500) not null,
    fonds_code    varchar(40)  not null,
    year          int          not null,
    retention     varchar(20)  not null,
    category      varchar(4)   not null,
    person_token  varchar(40),
    deleted       boolean      not null default false,
    sequence      bigint       not null,
    received_at   timestamptz  not null default now(),
    primary key (county_code, archive_code)
);
create index federation_entry_path_idx on federation_entry (org_path text_pattern_ops);
create index federation_entry_token_idx on federation_entry (person_token);
