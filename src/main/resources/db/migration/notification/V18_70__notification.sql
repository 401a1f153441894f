-- issue 18 (notifications): one inbox per account, the contact details an account gives for SMS and e-mail,
-- the outbox of messages to external channels, and the rectification deadlines to remind of (docs/adr/0098)
create table notification (                           -- a line in an account's inbox
    id          bigint generated always as identity primary key,
    account     varchar(64)  not null,                -- login name of the reader
    kind        varchar(32)  not null,
    label_key   varchar(100) not null,                -- the sentence, rendered in the reader's language
    args        text[]       not null default '{}',   -- its arguments; '#key' is read as a label
    subject     varchar(200),                         -- what people typed (a title), shown as data
    link        varchar(300),                         -- where the matter is worked
    natural_key varchar(200) not null,                -- one notification per account and key
    created_at  timestamptz  not null default now(),
    read_at     timestamptz,
    unique (account, natural_key)
);
create index notification_inbox_idx on notification (account, id desc);
create index notification_unread_idx on notification (account) where read_at is null;

create table notification_contact (                   -- how an account also wants to be told
    account     varchar(64)  primary key,
    phone       varchar(20),
    email       varchar(200),
    language    varchar(8)   not null default 'zh-CN' check (language in ('zh-CN', 'en')),
    sms         boolean      not null default false,
    mail        boolean      not null default false,
    updated_by  varchar(64)  not null,
    updated_at  timestamptz  not null default now()
);

create table notification_outbox (                    -- messages to SMS and e-mail, delivered by a worker
    id              bigint generated always as identity primary key,
    channel         varchar(16)  not null,
    recipient_key   varchar(100) not null,            -- the account, or a digest of an address without one
    account         varchar(64),
    address         varchar(200),                     -- the phone number or e-mail address; erased once sent
    language        varchar(8)   not null,
    kind            varchar(32)  not null,
    label_key       varchar(100) not null,
    args            text[]       not null default '{}',
    subject         varchar(200),
    link            varchar(300),
    natural_key     varchar(200) not null,
    attempts        int          not null default 0,
    next_attempt_at timestamptz  not null default now(),
    sent_at         timestamptz,
    failed_at       timestamptz,                      -- given up after the last attempt
    last_error      varchar(500),
    created_at      timestamptz  not null default now(),
    unique (channel, recipient_key, natural_key)
);
create index notification_outbox_due_idx on notification_outbox (next_attempt_at)
    where sent_at is null and failed_at is null;

create table notification_deadline (                  -- rectification items remembered from their event
    rectification_id uuid         primary key,
    org_path         varchar(400) not null,
    owner            varchar(64),
    title            varchar(500) not null,
    deadline         date         not null,
    assigned_at      timestamptz  not null default now()
);
create index notification_deadline_idx on notification_deadline (deadline);
