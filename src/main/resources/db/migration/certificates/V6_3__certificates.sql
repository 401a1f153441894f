-- certified copies (出证): the issued document kept byte for byte, its digests, and the masked summary the
-- public verification page shows
create table certificate (
    id            bigint generated always as identity primary key,
    code          varchar(32)  not null unique,          -- verification code printed and in the QR code
    kind          varchar(16)  not null check (kind in ('EXTRACT')),
    format        varchar(8)   not null check (format in ('PDF', 'OFD')),
    person_id     bigint       not null,
    subject_name  varchar(100) not null,                 -- masked (王*明)
    subject_id    varchar(32)  not null,                 -- masked (6 + 4)
    items         int          not null,
    purpose       varchar(200) not null,
    issuer        varchar(200) not null,
    key_id        varchar(32)  not null,
    size_bytes    bigint       not null,
    sm3           char(64)     not null,
    sha256        char(64)     not null,
    document      bytea        not null,
    issued_by     varchar(100) not null,
    issued_at     timestamptz  not null default now()
);
