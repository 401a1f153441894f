-- issue 16 (appraisal): every change of an item's retention term (保管期限变更, the real schema's ug43).
-- Appraisal may extend a term, never shorten it; the row keeps the end date the item had before, and the
-- batch (鉴定批次号) that decided it. The batch itself is disposition's: named by its number, no key crosses.
create table item_retention_change (
    id          bigint generated always as identity primary key,
    item_id     uuid          not null references item (id),
    old_code    varchar(8)    not null references retention_period (code),
    old_end     date,                                -- null: was 永久 (never, for an extension)
    new_code    varchar(8)    not null references retention_period (code),
    new_end     date,                                -- null: now 永久
    reason      varchar(500)  not null,
    batch_no    varchar(32)   not null,
    changed_by  varchar(100)  not null,
    changed_at  timestamptz   not null default now()
);
create index item_retention_change_item on item_retention_change (item_id, changed_at);
