-- issue 20 (docs/adr/0124): the off-peak runs that rewrite the item table in person order (CLUSTER), kept so that the
-- system administrator sees the last one in the health details; the audit trail keeps every run as well
create table item_clustering_run (
    id          bigint generated always as identity primary key,
    started_at  timestamptz  not null,
    finished_at timestamptz  not null,
    result      varchar(16)  not null check (result in ('DONE', 'FAILED')),
    items       bigint,
    detail      varchar(500)
);
