-- access copies (e.g. the searchable PDF of a scanned item), kept in the item's OCFL object beside the
-- archival files but not part of them
create table item_rendition (
    item_id        uuid         not null references item (id),
    kind           varchar(16)  not null check (kind in ('ACCESS_PDF')),
    logical_path   varchar(255) not null,
    size_bytes     bigint       not null,
    sm3            char(64)     not null,
    sha256         char(64)     not null,
    object_version int          not null,
    created_at     timestamptz  not null default now(),
    primary key (item_id, kind)
);
