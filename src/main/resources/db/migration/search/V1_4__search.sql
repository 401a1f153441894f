-- search: a derived, rebuildable read model fed by catalogue events
create table search_entry (
    item_id        uuid         primary key,
    archive_code   varchar(120) not null,
    title          varchar(500) not null,
    person_name    varchar(100),
    cert_no        varchar(32),
    employer_name  varchar(200),
    credit_code    varchar(18),
    category_code  varchar(4)   not null,
    step_code      varchar(16)  not null,
    insurance_type varchar(3),
    year           int          not null,
    handled_at     timestamptz  not null
);
create index search_archive_code_idx on search_entry (archive_code);
create index search_cert_no_idx on search_entry (cert_no);
create index search_person_name_idx on search_entry (person_name);
create index search_year_idx on search_entry (year, category_code);
