-- capture: what start-up reconciliation found and did
create table reconciliation_run (
    id           bigint generated always as identity primary key,
    started_at   timestamptz not null,
    finished_at  timestamptz not null,
    completed    int         not null,   -- receiving items finished from staging or the store
    quarantined  int         not null,   -- receiving items that could not be completed
    orphans      int         not null,   -- store objects without a catalogue row
    staging_removed int      not null    -- unacknowledged uploads discarded
);

create table reconciliation_finding (
    id         bigint generated always as identity primary key,
    run_id     bigint       not null references reconciliation_run (id),
    kind       varchar(32)  not null,   -- COMPLETED, QUARANTINED, ORPHAN_OBJECT, STAGING_REMOVED
    subject    varchar(200) not null,
    detail     varchar(1000) not null
);
