-- issue 17 (sharing): the purposes a verification request may state, each with the basis it needs.
-- LEGAL: a legal-basis reference (协查函 number, law and article); CONSENT: the person's consent reference.
-- Reference data: the five purposes below are plausible ones written by the team, not taken from a
-- published catalogue (unverified); the security administrator binds clients to them.
create table sharing_purpose (
    code        varchar(32)  primary key,
    name        varchar(100) not null,
    basis       varchar(16)  not null check (basis in ('LEGAL', 'CONSENT')),
    verified    boolean      not null default false,
    sort_order  int          not null default 0
);

insert into sharing_purpose (code, name, basis, sort_order) values
    ('DIBAO', '低保资格核查', 'LEGAL', 1),
    ('EMPLOYMENT', '就业登记核验', 'CONSENT', 2),
    ('JUDICIAL', '司法协查', 'LEGAL', 3),
    ('HOUSING', '住房保障资格核查', 'CONSENT', 4),
    ('HOUSING_FUND', '公积金提取核验', 'CONSENT', 5);

-- the register is searched by purpose and result within days
create index exchange_entry_purpose on exchange_entry (purpose, at);
