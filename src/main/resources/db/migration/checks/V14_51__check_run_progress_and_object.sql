-- issue 14: a long check run records its progress as it goes (the console polls it), and a run names the
-- item it checked by 档号: a filing (GD) run is opened under the 业务受理号 before the 档号 exists, and is
-- linked to the item once the capture has preserved it
alter table check_run add column items_total  int;
alter table check_run add column failures     int not null default 0;
alter table check_run add column last_record  varchar(160);
alter table check_run add column item_id      uuid;
alter table check_run add column archive_code varchar(120);

-- filing runs kept before this version: linked by their 业务受理号 within the organisation that ran them
update check_run r set item_id = i.id, archive_code = i.archive_code
from item i join fonds f on f.id = i.fonds_id
where r.stage = 'GD' and r.item_id is null and i.acceptance_no = r.subject and i.archive_code is not null
  and coalesce(f.org_path, '/') like r.org_path || '%';
