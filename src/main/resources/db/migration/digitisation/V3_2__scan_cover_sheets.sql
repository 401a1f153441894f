-- a batch without a manifest is split into items by SIArchive's barcode cover sheets (条码分隔页)
alter table scan_batch add column split varchar(8) not null default 'MANIFEST' check (split in ('MANIFEST', 'COVER'));
alter table scan_page add column cover_code varchar(200);   -- set on a cover sheet: the code it carries
alter table scan_item add column cover_code varchar(200);   -- the code of the cover sheet that opened the item
