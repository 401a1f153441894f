-- issue 17: transfer and continuation of pension relationships (转移接续) between agencies.

-- Another agency this installation exchanges with: its region, how to reach it, how to check its signatures.
create table continuation_peer (
    id              bigint generated always as identity primary key,
    region_code     varchar(12)   not null unique,      -- 行政区划代码 of the agency
    agency_name     varchar(200)  not null,
    phone           varchar(40),
    address         varchar(200),
    postcode        varchar(10),
    endpoint        varchar(500),                       -- base URL of its SIArchive API; null: file exchange only
    outbound_token_enc bytea,                           -- the API token it issued to us, SM4-sealed
    certificate     text,                               -- PEM of its SM2 signing certificate
    created_by      varchar(64)   not null,
    created_at      timestamptz   not null default now()
);

create table continuation_case (
    id              bigint generated always as identity primary key,
    case_no         varchar(32)   not null unique,      -- ZY{region}{year}{seq}
    kind            varchar(16)   not null check (kind in ('TRANSFER', 'TEMPORARY', 'SCHEME_LINK')),
    direction       varchar(8)    not null check (direction in ('IN', 'OUT')),   -- IN: we are the new agency
    scheme          varchar(8)    not null,             -- 险种 AAE140
    person_token    bytea         not null,             -- HMAC-SM3, context continuation.cert_no
    cert_enc        bytea         not null,
    name_enc        bytea         not null,
    name_masked     varchar(40)   not null,
    gender          char(1),
    birth_date      date,
    peer_id         bigint        references continuation_peer (id),
    remote_case_no  varchar(32),                        -- the other agency's case number
    org_id          bigint        not null,
    org_path        varchar(500)  not null,
    state           varchar(16)   not null check (state in ('APPLIED', 'LETTER_SENT', 'LETTER_RECEIVED',
                                                            'INFO_SENT', 'INFO_RECEIVED', 'COMPLETED',
                                                            'REFUSED', 'CLOSED')),
    due_on          date,                               -- deadline of the step now expected (working days)
    overdue_noted   date,                               -- when the overdue warning was raised for due_on
    agent_name_enc  bytea,                              -- 代办人
    agent_phone_enc bytea,
    agent_relation  varchar(40),
    individual_account numeric(14, 2),                  -- 个人账户 moved
    pooled_fund     numeric(14, 2),                     -- 统筹基金 moved (12% of bases since 1998)
    refusal_reason  varchar(500),
    archived_item_id uuid,                              -- the case's documents, archived when it ends
    created_by      varchar(64)   not null,
    created_at      timestamptz   not null default now(),
    closed_at       timestamptz
);
create index continuation_case_work on continuation_case (state, org_path);
create index continuation_case_person on continuation_case (person_token);

create table continuation_step (
    case_id     bigint        not null references continuation_case (id),
    seq         int           not null,
    step        varchar(24)   not null,                 -- APPLY / SEND_LETTER / RECEIVE_LETTER / SEND_INFO / ...
    at          timestamptz   not null default now(),
    actor       varchar(64)   not null,
    due_on      date,
    note        varchar(1000),
    document    varchar(16),                            -- material code of the document this step produced
    primary key (case_id, seq)
);

-- Signed messages between agencies (联系函, 信息表 with the EEP package, 回执, refusal), each received once.
create table continuation_message (
    id            bigint generated always as identity primary key,
    case_id       bigint        references continuation_case (id),
    direction     varchar(8)    not null check (direction in ('IN', 'OUT')),
    kind          varchar(16)   not null check (kind in ('LETTER', 'INFO', 'RECEIPT', 'REFUSAL')),
    envelope_sm3  varchar(64)   not null,
    peer_id       bigint        references continuation_peer (id),
    state         varchar(16)   not null check (state in ('PENDING', 'SENT', 'RECEIVED', 'REFUSED')),
    refusal       varchar(500),
    at            timestamptz   not null default now(),
    unique (direction, envelope_sm3)
);
