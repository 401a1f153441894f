-- lending (利用): requests for electronic use, their approvals (one step, two for sensitive items), the
-- time-limited grant they become, physical loans of paper originals, and the utilisation register
create table loan_request (
    id             bigint generated always as identity primary key,
    applicant      varchar(100) not null,               -- account name
    applicant_org_path varchar(200) not null,           -- the applicant's organisation (materialised path)
    purpose_code   varchar(16)  not null,               -- 查档 / 审计 / 司法 / 出证 / 业务 / 其他
    purpose        varchar(500) not null,
    period_days    int          not null check (period_days between 1 and 30),
    allow_download boolean      not null,
    allow_print    boolean      not null,
    steps_required int          not null check (steps_required in (1, 2)),
    status         varchar(16)  not null check (status in ('PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN')),
    granted_from   timestamptz,
    granted_until  timestamptz,
    created_at     timestamptz  not null default now()
);
create index loan_request_applicant_idx on loan_request (applicant, id desc);
create index loan_request_pending_idx on loan_request (status) where status = 'PENDING';

create table loan_request_item (
    request_id   bigint       not null references loan_request (id),
    item_id      uuid         not null,
    archive_code varchar(120) not null,
    security_level int        not null,
    primary key (request_id, item_id)
);

create table loan_approval (
    request_id bigint       not null references loan_request (id),
    step       int          not null check (step in (1, 2)),
    approver   varchar(100) not null,
    approver_org_path varchar(200) not null,            -- the approver's organisation (level)
    decision   varchar(8)   not null check (decision in ('APPROVE', 'REJECT')),
    note       varchar(500),
    decided_at timestamptz  not null default now(),
    primary key (request_id, step)
);

create table physical_loan (
    id             bigint generated always as identity primary key,
    borrower       varchar(100) not null,               -- name of the person taking the originals
    borrower_unit  varchar(200) not null,
    borrower_kind  varchar(8)   not null check (borrower_kind in ('PERSON', 'UNIT')),
    purpose        varchar(500) not null,
    due_date       date         not null,
    status         varchar(16)  not null check (status in ('OUT', 'PARTIAL', 'RETURNED')),
    extensions     int          not null default 0,
    reminders      int          not null default 0,
    lent_by        varchar(100) not null,
    lent_at        timestamptz  not null default now(),
    returned_at    timestamptz
);
create index physical_loan_open_idx on physical_loan (due_date) where status <> 'RETURNED';

create table physical_loan_item (
    loan_id      bigint       not null references physical_loan (id),
    item_id      uuid         not null,
    archive_code varchar(120) not null,
    returned_at  timestamptz,
    damaged      boolean      not null default false,
    primary key (loan_id, item_id)
);

create table physical_loan_event (
    id         bigint generated always as identity primary key,
    loan_id    bigint       not null references physical_loan (id),
    kind       varchar(8)   not null check (kind in ('REMIND', 'EXTEND', 'RETURN')),
    detail     varchar(500),
    actor      varchar(100) not null,
    at         timestamptz  not null default now()
);

-- 利用登记: every use of an archive (viewing, download, print, physical loan, certificate)
create table utilisation (
    id           bigint generated always as identity primary key,
    kind         varchar(12)  not null check (kind in ('VIEW', 'DOWNLOAD', 'PRINT', 'PHYSICAL', 'CERTIFICATE')),
    request_id   bigint,
    loan_id      bigint,
    item_id      uuid         not null,
    archive_code varchar(120) not null,
    user_name    varchar(100) not null,
    org_path     varchar(200),
    purpose_code varchar(16)  not null,
    ip           varchar(64),
    at           timestamptz  not null default now()
);
create index utilisation_at_idx on utilisation (at);
