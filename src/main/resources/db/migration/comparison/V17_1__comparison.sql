-- issue 17: data comparison (数据比对) and risk warnings (风险预警). The contract between the import, the engine
-- and the worklist: every ID number is held as an HMAC-SM3 token (the join key) and SM4 ciphertext, never in clear.

-- One imported file (or API batch) of reference data. Snapshot kinds (BENEFIT, ENROLMENT) replace the previous
-- snapshot of the same organisation in comparisons; list kinds accumulate until withdrawn.
create table reference_dataset (
    id            bigint generated always as identity primary key,
    kind          varchar(32)  not null check (kind in ('BENEFIT', 'ENROLMENT', 'CONTRIBUTION', 'DEATH', 'SENTENCE',
                                                        'EXIT', 'OTHER_REGION_PAYMENT', 'OTHER_REGION_ENROLMENT',
                                                        'ASSISTANCE')),
    source        varchar(16)  not null,                -- providing department, code table DATA_SOURCE
    org_id        bigint       not null,                -- the unit that imported it: data scope
    org_path      varchar(500) not null,
    title         varchar(200) not null,
    as_of         date,                                 -- the data's own date (截止日期)
    format        varchar(8)   not null check (format in ('CSV', 'XLSX', 'API')),
    file_name     varchar(255),
    file_sm3      varchar(64)  not null,                -- digest of the bytes received: idempotency and run inputs
    file_size     bigint       not null default 0,
    encoding      varchar(16),
    state         varchar(16)  not null default 'RECEIVING'
                  check (state in ('RECEIVING', 'LOADED', 'FAILED', 'WITHDRAWN')),
    rows_read     bigint       not null default 0,
    rows_loaded   bigint       not null default 0,
    rows_rejected bigint       not null default 0,
    failure       varchar(500),                         -- message key and arguments when the file as a whole failed
    created_by    varchar(64)  not null,
    created_at    timestamptz  not null default now(),
    finished_at   timestamptz,
    withdrawn_by  varchar(64),
    withdrawn_at  timestamptz,
    withdrawn_reason varchar(500)
);
-- the same bytes of the same kind and source for the same unit load once
create unique index reference_dataset_once on reference_dataset (kind, source, org_id, file_sm3)
    where state in ('RECEIVING', 'LOADED');
create index reference_dataset_kind on reference_dataset (kind, state, org_path);

-- One row that failed validation: the row, the column, the rule; the value only masked.
create table reference_import_error (
    dataset_id   bigint       not null references reference_dataset (id),
    row_no       bigint       not null,
    column_name  varchar(64)  not null,
    rule         varchar(64)  not null,                 -- message key suffix: reference.rule.<rule>
    value_masked varchar(100),
    primary key (dataset_id, row_no, column_name)
);

-- Staging rows of every kind in one narrow table (columns unused by a kind stay null).
create table reference_row (
    dataset_id   bigint        not null references reference_dataset (id),
    row_no       bigint        not null,                -- line or sheet row in the source, for the error report
    token        bytea         not null,                -- HMAC-SM3 of the ID number, context reference.cert_no
    cert_enc     bytea         not null,                -- SM4-GCM of the ID number, same context
    name_masked  varchar(40),                           -- 张* / 欧阳**: never the full name
    birth_date   date,
    gender       char(1),                               -- 1 male, 2 female (GB/T 2261.1)
    scheme       varchar(8),                            -- 险种 AAE140
    subtype      varchar(16),                           -- e.g. CREMATION / CANCELLATION / REGISTRATION; DIBAO / TEKUN
    status       varchar(16),                           -- ACTIVE / SUSPENDED / ENDED
    start_date   date,
    end_date     date,
    event_date   date,                                  -- death, sentence start, exit, contribution month
    last_paid    date,                                  -- first day of the last month paid
    amount       numeric(14, 2),                        -- monthly benefit, or contribution base
    region_code  varchar(12),                           -- 统筹区 / 行政区划
    agency_code  varchar(32),                           -- the handling unit (org_unit code)
    source_ref   varchar(64),                           -- the source's own record number
    primary key (dataset_id, row_no)
);
create index reference_row_token on reference_row (token);

-- Rule catalogue: every change of a rule's configuration is a new version; runs name the versions they used.
create table comparison_rule_version (
    id          bigint generated always as identity primary key,
    rule_code   varchar(32)  not null,
    version     int          not null,
    definition  text         not null,                  -- canonical JSON of the rule's configuration
    digest      varchar(64)  not null,                  -- SM3 of the definition
    enabled     boolean      not null default true,
    created_by  varchar(64)  not null,
    created_at  timestamptz  not null default now(),
    unique (rule_code, version)
);

create table comparison_run (
    id            bigint generated always as identity primary key,
    trigger_kind  varchar(16)  not null check (trigger_kind in ('MANUAL', 'SCHEDULED')),
    org_id        bigint       not null,
    org_path      varchar(500) not null,
    as_of         date         not null,
    state         varchar(16)  not null default 'RUNNING' check (state in ('RUNNING', 'FINISHED', 'FAILED')),
    started_by    varchar(64)  not null,
    started_at    timestamptz  not null default now(),
    finished_at   timestamptz,
    duration_ms   bigint,
    probe_rows    bigint       not null default 0,
    build_rows    bigint       not null default 0,
    hits          bigint       not null default 0,
    new_warnings  bigint       not null default 0,
    failure       varchar(500)
);
create unique index comparison_run_one_running on comparison_run (org_id) where state = 'RUNNING';

create table comparison_run_input (
    run_id      bigint       not null references comparison_run (id),
    dataset_id  bigint       not null references reference_dataset (id),
    file_sm3    varchar(64)  not null,
    rows_used   bigint       not null,
    primary key (run_id, dataset_id)
);

create table comparison_run_rule (
    run_id          bigint         not null references comparison_run (id),
    rule_version_id bigint         not null references comparison_rule_version (id),
    hits            bigint         not null default 0,
    new_warnings    bigint         not null default 0,
    amount_at_risk  numeric(16, 2) not null default 0,
    duration_ms     bigint         not null default 0,
    primary key (run_id, rule_version_id)
);

-- A warning: one hit of one rule about one person, raised once; later runs that find it again only note it.
create table comparison_warning (
    id               bigint generated always as identity primary key,
    warning_no       varchar(32)    not null unique,     -- YJ{year}{seq}, shown to people
    rule_code        varchar(32)    not null,
    rule_version_id  bigint         not null references comparison_rule_version (id),
    first_run_id     bigint         not null references comparison_run (id),
    last_run_id      bigint         not null references comparison_run (id),
    dedupe_key       bytea          not null unique,     -- SM3(rule ‖ token ‖ the matched records' own keys)
    token            bytea          not null,
    cert_enc         bytea          not null,
    name_masked      varchar(40),
    person_id        bigint,                             -- catalog person when the archive knows them
    org_id           bigint         not null,            -- the unit that handles it: data scope and assignment
    org_path         varchar(500)   not null,
    state            varchar(16)    not null default 'CHECKING'
                     check (state in ('CHECKING', 'CONFIRMED', 'EXCLUDED', 'CLOSED')),
    outcome          varchar(16)    check (outcome in ('CONFIRMED', 'EXCLUDED')),
    amount_at_risk   numeric(14, 2) not null default 0,
    months_at_risk   int            not null default 0,
    amount_to_recover numeric(14, 2),
    payment_action   varchar(16)    check (payment_action in ('STOP', 'SUSPEND', 'NONE')),
    exclusion_reason varchar(500),
    assigned_to      varchar(64),
    assigned_at      timestamptz,
    due_on           date           not null,            -- working-day deadline of the current state
    raised_at        timestamptz    not null default now(),
    decided_by       varchar(64),
    decided_at       timestamptz,
    closed_by        varchar(64),
    closed_at        timestamptz,
    evidence_item_id uuid                                -- the archived evidence (category 09) once filed
);
create index comparison_warning_work on comparison_warning (state, org_path);
create index comparison_warning_token on comparison_warning (token);

-- What matched: copies of the relevant facts (masked), so evidence outlives the staging rows.
create table comparison_warning_evidence (
    warning_id  bigint       not null references comparison_warning (id),
    seq         int          not null,
    dataset_id  bigint       not null references reference_dataset (id),
    row_no      bigint       not null,
    kind        varchar(32)  not null,
    source      varchar(16)  not null,
    facts       text         not null,                   -- JSON of the masked fields that matched
    primary key (warning_id, seq)
);

-- The warning's history as people read it (the audit trail holds the same changes, chained).
create table comparison_warning_event (
    warning_id  bigint       not null references comparison_warning (id),
    seq         int          not null,
    at          timestamptz  not null default now(),
    actor       varchar(64)  not null,
    action      varchar(16)  not null,                   -- RAISE / SEEN_AGAIN / ASSIGN / CONFIRM / EXCLUDE / CLOSE / FILE
    note        varchar(1000),
    primary key (warning_id, seq)
);

-- Stop/suspend instructions to the business system: an outbox delivered at least once, idempotent by id.
create table payment_instruction (
    id            bigint generated always as identity primary key,
    warning_id    bigint         not null unique references comparison_warning (id),
    action        varchar(16)    not null check (action in ('STOP', 'SUSPEND')),
    scheme        varchar(8),
    token         bytea          not null,
    cert_enc      bytea          not null,
    amount_to_recover numeric(14, 2) not null default 0,
    state         varchar(16)    not null default 'PENDING' check (state in ('PENDING', 'DELIVERED', 'FAILED')),
    attempts      int            not null default 0,
    last_error    varchar(500),
    created_at    timestamptz    not null default now(),
    delivered_at  timestamptz
);
