-- transfer and receipt (移交与接收): packages written, and the handover register (移交接收登记表)
create table transfer_export (
    package_id    uuid         primary key,
    format        varchar(8)   not null check (format in ('EEP', 'FOLDER')),
    items         int          not null,
    content_bytes bigint       not null,
    package_sm3   char(64)     not null,
    created_by    varchar(100) not null,
    created_at    timestamptz  not null default now()
);

create table transfer_receipt (
    id             bigint generated always as identity primary key,
    package_id     uuid,                                -- as the package declares it (null when unreadable)
    package_name   varchar(255) not null,
    package_sm3    char(64)     not null,
    format         varchar(8),
    source_unit    varchar(200),                        -- 移交单位 as the package names it
    fonds_code     varchar(20)  not null,               -- received into
    items_declared int,
    items_received int          not null,
    bytes_declared bigint,
    bytes_received bigint       not null,
    handed_over_by varchar(100) not null,               -- 移交人
    received_by    varchar(100) not null,               -- 接收人
    witness        varchar(100) not null,               -- 监交人
    check_run_id   bigint       not null references check_run (id),
    status         varchar(16)  not null check (status in ('ACCEPTED', 'REJECTED')),
    reason         varchar(2000),
    received_at    timestamptz  not null default now()
);

create table transfer_receipt_item (
    receipt_id    bigint       not null references transfer_receipt (id),
    source_code   varchar(120) not null,                -- 档号 at the transferring side
    item_id       uuid         not null,
    archive_code  varchar(120) not null,                -- 档号 given here
    primary key (receipt_id, source_code)
);
