-- audit: append-only trail, written in the same transaction as the change it records
create table audit_entry (
    id          bigint generated always as identity primary key,
    at          timestamptz  not null default clock_timestamp(),
    actor       varchar(100) not null,
    org         varchar(100),
    ip          varchar(64),
    client      varchar(200),
    object_type varchar(40)  not null,
    object_id   varchar(200) not null,
    operation   varchar(40)  not null,
    result      varchar(16)  not null,
    reason      varchar(500),
    detail      text
);
create index audit_object_idx on audit_entry (object_type, object_id);
create index audit_at_idx on audit_entry (at);
