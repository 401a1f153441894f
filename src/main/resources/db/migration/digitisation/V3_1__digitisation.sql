-- digitisation: scan batches, their items and pages, QC results, OCR, the archivists' confirmations

create table scan_batch (
    id             uuid         primary key,
    name           varchar(200) not null,
    fonds_code     varchar(16)  not null,
    org_path       varchar(400) not null,           -- scope of the uploader: who else may see the batch
    ocr            boolean      not null,
    sample_percent int          not null check (sample_percent between 1 and 100),
    status         varchar(16)  not null check (status in ('PROCESSING', 'QC', 'ACCEPTED', 'REJECTED')),
    pages_total    int          not null,
    created_by     varchar(100) not null,
    created_at     timestamptz  not null default now(),
    finished_at    timestamptz,                      -- all pages analysed (and read, with OCR)
    decided_by     varchar(100),
    decided_at     timestamptz
);

create table scan_item (
    id               uuid         primary key,
    batch_id         uuid         not null references scan_batch (id),
    seq              int          not null,
    business_step    varchar(16),                   -- from the manifest or the archivist
    cert_no_enc      bytea,                         -- from the manifest or OCR, SM4-GCM
    person_name      varchar(100),
    title            varchar(500),
    expected_pages   int,
    missing_pages    int          not null default 0,
    suggested_step   varchar(16),
    suggestion_confidence real,
    sampled          boolean      not null default false,
    sample_result    varchar(16)  check (sample_result in ('PASS', 'REJECT')),
    sample_note      varchar(500),
    status           varchar(16)  not null check (status in ('PENDING', 'RESCAN', 'CONFIRMED')),
    item_id          uuid,                          -- the captured catalogue item
    confirmed_by     varchar(100),
    unique (batch_id, seq)
);

create table scan_page (
    id            bigint generated always as identity primary key,
    batch_id      uuid         not null references scan_batch (id),
    item_id       uuid         references scan_item (id),
    seq           int          not null,
    source_name   varchar(255) not null,            -- name in the upload; never used as a path
    path          varchar(100) not null,            -- file name inside the batch directory
    sha256        char(64)     not null,
    status        varchar(16)  not null check (status in ('PENDING', 'DONE', 'ERROR')),
    width         int,
    height        int,
    dpi           int,
    colour_mode   varchar(8),
    red_ratio     real,
    skew          real,
    ink           real,
    phash         bigint,
    fingerprint   bytea,
    flags         varchar(200) not null default '',
    ocr_text_enc  bytea,                            -- OCR text holds ID numbers: SM4-GCM
    ocr_confidence real,
    error         varchar(500),
    processed_at  timestamptz,
    unique (batch_id, seq)                         -- a page is processed once per (batch, seq): restarts resume
);
create index scan_page_pending_idx on scan_page (batch_id) where status = 'PENDING';

create table step_feedback (                      -- confirmations of suggested steps, per form title
    title      varchar(200) not null,
    step_code  varchar(16)  not null,
    confirmed  int          not null,
    primary key (title, step_code)
);
