-- issue 20: OFD preservation copies made later (siarchive.preservation.ofd-copies.mode = deferred, docs/adr/0122).
-- One row per item of page images whose copy is still to be made, written by the capture event's listener; the row is
-- deleted in the transaction that registers the copy (rendition row and audit entry), so the backlog is always what the
-- database says. A copy that failed keeps its row with the attempts and the last error; after the configured number of
-- attempts it is no longer tried and is shown as failed.
create table ofd_copy_pending (
    item_id    uuid          primary key,
    queued_at  timestamptz   not null default now(),
    attempts   int           not null default 0,
    last_error varchar(500)
);
-- copies are taken fewest attempts first, oldest first
create index ofd_copy_pending_next_idx on ofd_copy_pending (attempts, queued_at);
