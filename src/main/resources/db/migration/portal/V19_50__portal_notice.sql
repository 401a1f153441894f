-- Messages to portal accounts (issue 19, item 5): the portal's own inbox, one line per account and natural key
-- (a redelivered event or a repeated call adds nothing). Stored as a message key and its arguments, never as a
-- sentence: the page renders it in the reader's language, the SMS in the account's (docs/adr/0108).

create table portal_notice (
    id          bigint generated always as identity primary key,
    account_id  bigint       not null references portal_account (id),
    label_key   varchar(100) not null,                   -- portal.notice.…
    args        text[]       not null default '{}',      -- numbers and codes; '#key' is read as the label under key
    natural_key varchar(200) not null,                   -- one line per account and key
    created_at  timestamptz  not null default now(),
    read_at     timestamptz,
    unique (account_id, natural_key)
);
create index portal_notice_account_idx on portal_notice (account_id, id desc);
create index portal_notice_unread_idx on portal_notice (account_id) where read_at is null;
