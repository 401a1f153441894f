-- issue 17, continuation: what the contract's tables do not hold yet.

-- The 申请表 as registered, the agency named in free text when it is no registered peer (file exchange),
-- the 信息表 and 基金划转表 figures as received or sent (JSON), and the kind the age/户籍 rule proposed.
alter table continuation_case
    add column applied_on    date,
    add column outside_hukou boolean      not null default false,
    add column peer_agency   varchar(200),
    add column info          jsonb,
    add column proposed_kind varchar(16);

create sequence continuation_case_seq;

-- Open cases by deadline (the daily overdue job and the worklist's overdue-first order).
create index continuation_case_due on continuation_case (due_on)
    where state not in ('COMPLETED', 'CLOSED', 'REFUSED');

-- Scans uploaded with the application (申请表 YL11, 参保缴费凭证 YL08), archived with the case.
create table continuation_document (
    id          bigint generated always as identity primary key,
    case_id     bigint        not null references continuation_case (id),
    material    varchar(16)   not null,
    file_name   varchar(200)  not null,
    content     bytea         not null,
    created_at  timestamptz   not null default now()
);
create index continuation_document_case on continuation_document (case_id);

-- The envelope itself (to download for file exchange, and as proof), and what receiving it answered.
alter table continuation_message
    add column envelope bytea,
    add column result   varchar(500);
create index continuation_message_case on continuation_message (case_id);
