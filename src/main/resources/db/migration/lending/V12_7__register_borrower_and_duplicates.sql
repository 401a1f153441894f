-- issue 12 (correct): the utilisation register names the user of the archive and the purpose as typed;
-- physical loans carry a purpose code; duplicates are found by digest (indexes for the lookup)

alter table utilisation add column purpose       varchar(500);  -- the purpose as typed (request, loan or certificate)
alter table utilisation add column borrower_unit varchar(200);  -- for originals lent: the borrower's unit
alter table utilisation add column recorded_by   varchar(100);  -- the account that entered the use

-- rows written before: an original lent named the archivist and lost the typed purpose; take both from the loan
update utilisation u
   set recorded_by = u.user_name, user_name = l.borrower, borrower_unit = l.borrower_unit, purpose = l.purpose
  from physical_loan l
 where u.kind = 'PHYSICAL' and u.loan_id = l.id;
update utilisation set recorded_by = user_name where recorded_by is null;
update utilisation u set purpose = r.purpose
  from loan_request r
 where u.request_id = r.id and u.purpose is null;
alter table utilisation alter column recorded_by set not null;

alter table physical_loan add column purpose_code varchar(16) not null default 'OTHER';
alter table physical_loan alter column purpose_code drop default;

create index item_file_sha256_idx on item_file (sha256);

-- scan items: a suspected duplicate waits for the archivist's decision
alter table scan_item add column duplicate_decision varchar(16) check (duplicate_decision in ('FILE', 'DISCARD'));
alter table scan_item add column duplicate_reason   varchar(500);
alter table scan_item drop constraint scan_item_status_check;
alter table scan_item add constraint scan_item_status_check
    check (status in ('PENDING', 'RESCAN', 'CONFIRMED', 'DISCARDED'));
