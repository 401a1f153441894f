-- issue 15 (docs/adr/0062): the page images of re-digitised paper are registered copies of the item, one
-- row per page (kind SCAN_PAGE); every other kind stays one copy per item
alter table item_rendition drop constraint item_rendition_kind_check;
alter table item_rendition add constraint item_rendition_kind_check
    check (kind in ('ACCESS_PDF', 'PRESERVATION_OFD', 'SCAN_PAGE'));
alter table item_rendition drop constraint item_rendition_pkey;
alter table item_rendition add primary key (item_id, logical_path);
create unique index item_rendition_one_per_kind on item_rendition (item_id, kind) where kind <> 'SCAN_PAGE';
