-- issue 15 (docs/adr/0062): rescans in place and re-digitisation of catalogued paper.
-- A rescan replaces an item's pages: the new pages carry the item's next version, the replaced ones stay
-- (superseded_at set, file kept) as the record of what was rejected; counts and checks use current pages.
alter table scan_page add column version int not null default 1;
alter table scan_page add column superseded_at timestamptz;
alter table scan_item add column version int not null default 1;
-- a manifest line naming an existing 档号: on confirmation the pages become that item's digitised copy
alter table scan_item add column archive_code varchar(120);

-- one row per rescan: the rejection it answered (the note is kept here when the sample result is cleared)
create table scan_rescan (
    item_id        uuid         not null references scan_item (id),
    version        int          not null,           -- the item version the rescan created (2, 3, ...)
    rejected_note  varchar(500),
    rejected_pages int          not null,
    new_pages      int          not null,
    created_by     varchar(100) not null,
    created_at     timestamptz  not null default now(),
    primary key (item_id, version)
);
