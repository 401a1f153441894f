-- preservation monitoring: alerts an archivist acknowledges (fixity findings, storage thresholds), one
-- storage sample per day for capacity and growth, and the sweeps the schedule started
create table preservation_alert (
    id              bigint generated always as identity primary key,
    kind            varchar(24)   not null check (kind in ('FIXITY', 'STORAGE_WARN', 'STORAGE_CRITICAL')),
    subject         varchar(255)  not null,            -- sweep number, store root
    detail          varchar(1000) not null,
    raised_at       timestamptz   not null default now(),
    acknowledged_by varchar(100),
    acknowledged_at timestamptz,
    ack_note        varchar(500)
);
-- at most one open alert per kind and subject: a condition that persists is not raised again
create unique index preservation_alert_open on preservation_alert (kind, subject) where acknowledged_at is null;

create table storage_sample (
    day          date        primary key,
    stored_bytes bigint      not null,                 -- content registered in the catalogue
    items        int         not null,
    fs_total     bigint      not null,
    fs_usable    bigint      not null,
    sampled_at   timestamptz not null default now()
);

-- each item's latest fixity check (failures are kept per sweep in fixity_finding): bounded, exact
create table item_fixity (
    item_id    uuid        primary key,
    sweep_id   bigint      not null references fixity_sweep (id),
    checked_at timestamptz not null,
    passed     boolean     not null
);
create index item_fixity_checked_idx on item_fixity (checked_at);

-- preservation copies: an OFD (GB/T 33190) of items whose master is a set of page images
alter table item_rendition drop constraint item_rendition_kind_check;
alter table item_rendition add constraint item_rendition_kind_check check (kind in ('ACCESS_PDF', 'PRESERVATION_OFD'));
