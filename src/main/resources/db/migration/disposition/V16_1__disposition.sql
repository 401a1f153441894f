-- issue 16: disposition (处置). Appraisal batches (鉴定批次) with their group, per-item decisions and each
-- member's opinion, retention changes, destruction lists (销毁清册), destructions (监销) and legal holds (冻结).
-- Items are named by id and 档号 only: the catalogue owns them (docs/adr/0039), so no foreign key crosses.

create table appraisal_batch (                         -- 鉴定批次 (the real schema's ug40)
    id               bigint generated always as identity primary key,
    batch_no         varchar(32)   not null unique,    -- 鉴定批次号
    fonds_id         bigint        not null,           -- the fonds whose items it appraises (scope)
    title            varchar(200)  not null,
    state            varchar(32)   not null check (state in (
                         'UNAPPRAISED',                -- 0 未鉴定
                         'APPRAISED',                  -- 1 已鉴定未审核
                         'APPROVED',                   -- 2 已鉴定已审核
                         'DESTROYED_NOT_EXTENDED',     -- 3 销毁已执行/延期未执行
                         'EXTENDED_NOT_DESTROYED',     -- 4 延期已执行/销毁未执行
                         'COMPLETED')),                -- 5 全部完成（锁定）
    proposed_by      varchar(100)  not null,           -- login of the archivist who proposed it
    proposed_at      timestamptz   not null default now(),
    appraised_at     timestamptz,
    approved_by      varchar(100),                     -- the principal leader (单位主要负责人)
    approved_at      timestamptz,
    approval_opinion varchar(1000),
    returned_reason  varchar(1000),                    -- the leader sent it back to the group
    completed_at     timestamptz
);

create table appraisal_member (                        -- 鉴定小组成员 (ug44/ug45)
    batch_id      bigint        not null references appraisal_batch (id),
    seq           int           not null,
    group_role    varchar(16)   not null check (group_role in ('LEADER', 'BUSINESS', 'ARCHIVE', 'HRSS')),
    account_login varchar(100),                        -- null: a named person without an account
    person_name   varchar(100)  not null,
    unit          varchar(200),                        -- e.g. the HRSS department's name
    primary key (batch_id, seq)
);

create table appraisal_item (                          -- per-item result (ug42)
    batch_id           bigint        not null references appraisal_batch (id),
    item_id            uuid          not null,
    archive_code       varchar(120)  not null,
    open               boolean       not null default true,   -- false once its batch is completed
    decision           varchar(8)    check (decision in ('DESTROY', 'EXTEND')),
    new_retention_code varchar(8),                     -- 延期: the new term
    reason             varchar(500),
    original_end       date,                           -- the end date before appraisal, kept
    executed_at        timestamptz,                    -- extension applied / item destroyed
    primary key (batch_id, item_id)
);
create unique index appraisal_item_one_open_batch on appraisal_item (item_id) where open;

create table appraisal_opinion (                       -- each member's opinion; item_id null = on the whole batch
    id          bigint generated always as identity primary key,
    batch_id    bigint        not null references appraisal_batch (id),
    member_seq  int           not null,
    item_id     uuid,
    verdict     varchar(8)    not null check (verdict in ('AGREE', 'DISAGREE')),
    opinion     varchar(1000),
    recorded_by varchar(100)  not null,                -- the member's login, or the archivist recording it
    recorded_at timestamptz   not null default now(),
    foreign key (batch_id, member_seq) references appraisal_member (batch_id, seq)
);
create unique index appraisal_opinion_once on appraisal_opinion (batch_id, member_seq, item_id) nulls not distinct;

create table destruction_list (                        -- 销毁清册, kept permanently
    id                bigint generated always as identity primary key,
    list_no           varchar(32)   not null unique,
    batch_id          bigint        not null unique references appraisal_batch (id),
    generated_by      varchar(100)  not null,
    generated_at      timestamptz   not null default now(),
    item_count        int           not null,
    page_count        int           not null,
    filed_on          date,                            -- 备案 with the HRSS department
    filing_ref        varchar(100),
    filed_by          varchar(100),
    archived_item_id  uuid                             -- the list archived as an item of its own (永久)
);

create table destruction (                             -- 销毁记录 (ug46)
    id                bigint generated always as identity primary key,
    batch_id          bigint        not null unique references appraisal_batch (id),
    list_id           bigint        not null references destruction_list (id),
    state             varchar(16)   not null check (state in ('EXECUTING', 'FINISHED')),
    method            varchar(100)  not null,          -- e.g. 电子数据彻底删除
    place             varchar(200)  not null,
    executor          varchar(100)  not null,          -- login
    supervisor_1      varchar(100)  not null,          -- 监销人, logins, confirmed with their second factor
    supervisor_2      varchar(100)  not null,
    started_at        timestamptz   not null default now(),
    finished_at       timestamptz,
    check (supervisor_1 <> supervisor_2 and supervisor_1 <> executor and supervisor_2 <> executor)
);

create table destruction_item (
    destruction_id bigint        not null references destruction (id),
    item_id        uuid          not null primary key,
    archive_code   varchar(120)  not null,
    state          varchar(16)   not null check (state in ('PENDING', 'PURGED', 'TOMBSTONED')),
    purged_at      timestamptz,
    backups_holding jsonb                              -- earlier backups still holding the content, until they expire
);
create index destruction_item_pending on destruction_item (destruction_id) where state <> 'TOMBSTONED';

create table legal_hold (                              -- 冻结
    id             bigint generated always as identity primary key,
    hold_no        varchar(32)   not null unique,
    case_type      varchar(16)   not null check (case_type in ('AUDIT', 'LITIGATION', 'PETITION', 'OTHER')),
    case_ref       varchar(100)  not null,             -- 稽核/诉讼/信访 reference
    reason         varchar(1000) not null,
    owner          varchar(100)  not null,             -- login of the person answerable for it
    subject        varchar(16)   not null check (subject in ('ITEMS', 'PERSON', 'EMPLOYER', 'QUERY')),
    person_id      bigint,
    employer_id    bigint,
    query          jsonb,                              -- criteria for QUERY holds, evaluated on every check
    org_path       varchar(200)  not null,             -- where it was placed (data scope)
    placed_by      varchar(100)  not null,
    placed_at      timestamptz   not null default now(),
    released_by    varchar(100),
    released_at    timestamptz,
    release_reason varchar(1000),
    check ((subject = 'PERSON') = (person_id is not null)),
    check ((subject = 'EMPLOYER') = (employer_id is not null)),
    check ((subject = 'QUERY') = (query is not null))
);
create index legal_hold_active on legal_hold (subject) where released_at is null;

create table legal_hold_item (
    hold_id bigint not null references legal_hold (id),
    item_id uuid   not null,
    primary key (hold_id, item_id)
);
create index legal_hold_item_item on legal_hold_item (item_id);
