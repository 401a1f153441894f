-- issue 14: the history of an item's corrections (更正), shown on its page: who, when, why, which
-- descriptive fields changed from what to what, and the preservation version that holds the result
create table item_correction (
    id             bigint generated always as identity primary key,
    item_id        uuid         not null references item (id),
    object_version int          not null,
    corrected_by   varchar(100) not null,           -- login, as in the audit trail
    corrector_name varchar(100) not null,           -- the display name people read
    corrected_at   timestamptz  not null default now(),
    reason         varchar(500) not null
);
create index item_correction_item_idx on item_correction (item_id, object_version);

create table item_correction_change (
    correction_id bigint       not null references item_correction (id),
    field         varchar(32)  not null,            -- title, responsible, docNo
    old_value     varchar(500),
    new_value     varchar(500),
    primary key (correction_id, field)
);
