-- Employers' online submissions (网上申报, issue 19 item 4): what an employer's agent sent for one business step
-- of one bound employer, its files kept here until a clerk accepts it into capture or returns it (docs/adr/0105).

create table portal_submission (
    id            bigint generated always as identity primary key,
    account_id    bigint       not null references portal_account (id),
    credit_code   varchar(18)  not null,                    -- 统一社会信用代码 the account is bound to
    employer_name varchar(200) not null,
    step_code     varchar(16)  not null,                    -- 业务环节 (an employer-side step of the classification)
    person_name   varchar(100),                             -- the worker a person-side step is about (增减员, 工伤认定申请)
    person_cert   bytea,                                    -- their 公民身份号码, SM4 (context portal.cert_no)
    title         varchar(500) not null,                    -- 题名 the employer gave
    doc_date      date         not null,                    -- 日期 of the material
    org_path      varchar(255) not null,                    -- the unit whose clerks handle it (the employer's agency, else the root)
    fonds_code    varchar(16)  not null,                    -- the fonds an acceptance files into
    state         varchar(16)  not null default 'PENDING' check (state in ('PENDING', 'ACCEPTED', 'RETURNED')),
    submitted_at  timestamptz  not null default now(),
    handler       varchar(100),                             -- 经办人: the clerk who accepts (claimed once, kept for retries)
    handled_at    timestamptz,                              -- 经办时间 of the acceptance (claimed with the handler)
    decided_at    timestamptz,
    decided_by    varchar(64),
    reason        varchar(500),                             -- why it was returned
    item_id       uuid,                                     -- the captured item once accepted
    archive_code  varchar(120)                              -- its 档号
);
create index portal_submission_account_idx on portal_submission (account_id, submitted_at desc);
create index portal_submission_inbox_idx on portal_submission (org_path, submitted_at) where state = 'PENDING';

create table portal_submission_file (
    submission_id bigint       not null references portal_submission (id) on delete cascade,
    seq           int          not null,
    material      varchar(16)  not null,                    -- 业务材料 code of the step
    original_name varchar(255) not null,
    media_type    varchar(100) not null,
    size          bigint       not null,
    sha256        char(64)     not null,
    content       bytea,                                    -- the bytes until acceptance; the archive's copy after
    primary key (submission_id, seq)
);
