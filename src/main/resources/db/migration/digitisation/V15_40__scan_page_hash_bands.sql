-- issue 15 (dups): repeated pages across batches, found through an index instead of a scan of every page.
-- The 64-bit pHash in four 16-bit bands: two hashes within Hamming distance 7 have a band at most one bit
-- apart (pigeonhole), so a lookup probes each indexed band with its value and its 16 one-bit neighbours
-- (docs/adr/0063).
-- Stored generated columns: filled for every existing row by this statement, and kept by PostgreSQL for
-- every page the worker writes, with no code path to forget.
alter table scan_page
    add column phash_b0 int generated always as ((phash & 65535)::int) stored,
    add column phash_b1 int generated always as (((phash >> 16) & 65535)::int) stored,
    add column phash_b2 int generated always as (((phash >> 32) & 65535)::int) stored,
    add column phash_b3 int generated always as (((phash >> 48) & 65535)::int) stored;

create index scan_page_phash_b0_idx on scan_page (phash_b0) where status = 'DONE';
create index scan_page_phash_b1_idx on scan_page (phash_b1) where status = 'DONE';
create index scan_page_phash_b2_idx on scan_page (phash_b2) where status = 'DONE';
create index scan_page_phash_b3_idx on scan_page (phash_b3) where status = 'DONE';
create index scan_page_sha256_idx on scan_page (sha256) where status = 'DONE';

-- the page's master prepared for the confirming comparison (levelled, 1000 pixels wide, ink bitmaps,
-- deflated; MasterComparison.encode): written the first time a lookup needs it, so a master is decoded once
alter table scan_page add column sheet bytea;

-- a page found to repeat a page of another batch when its batch was checked; shown to the archivist with the
-- earlier page (or the catalogue item it became), filtered by the viewer's scope when read
create table scan_page_repeat (
    page_id      bigint      not null references scan_page (id),
    earlier_id   bigint      not null references scan_page (id),
    kind         varchar(8)  not null check (kind in ('DIGEST', 'PHASH')),
    distance     int         not null check (distance between 0 and 64),
    found_at     timestamptz not null default now(),
    primary key (page_id, earlier_id)
);
create index scan_page_repeat_earlier_idx on scan_page_repeat (earlier_id);
