-- issue 15 (api): scan batches opened by a scanning station through the REST API (docs/adr/0061).
-- A batch is OPEN while pages are appended, upload by upload; submitting it registers its items and hands
-- it to the worker (PROCESSING), as the console's one-shot upload does in one transaction.
alter table scan_batch drop constraint scan_batch_status_check;
alter table scan_batch add constraint scan_batch_status_check
    check (status in ('OPEN', 'PROCESSING', 'QC', 'ACCEPTED', 'REJECTED'));
alter table scan_batch add column via_api boolean not null default false;   -- opened through /api/v1/scan-batches
alter table scan_batch add column bytes_total bigint not null default 0;    -- stored page bytes: the cap holds across uploads
alter table scan_batch add column manifest text;                            -- attached manifest, as CSV, until submitted
alter table scan_batch add column submitted_at timestamptz;                 -- processing started: progress counts from here
update scan_batch set submitted_at = created_at;
create index scan_batch_created_by_idx on scan_batch (created_by);

-- one row per accepted upload with an Idempotency-Key: a retry answers the same pages and adds none
create table scan_upload (
    batch_id        uuid         not null references scan_batch (id),
    idempotency_key varchar(200) not null,
    first_seq       int          not null,
    pages           int          not null,
    created_at      timestamptz  not null default now(),
    primary key (batch_id, idempotency_key)
);
