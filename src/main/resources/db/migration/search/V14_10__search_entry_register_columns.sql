-- search: the 目录 columns of a hit (责任者, 日期, 保管期限, 密级, 页数) and the 档号 as people type it
-- (ArchiveCodeInput.key), matched as a substring. Existing rows lack the key: the index is rebuilt at start-up.
alter table search_entry add column archive_code_key varchar(120);
alter table search_entry add column responsible varchar(200);
alter table search_entry add column doc_date date;
alter table search_entry add column retention_code varchar(8);
alter table search_entry add column security_level varchar(4);
alter table search_entry add column page_count int;
