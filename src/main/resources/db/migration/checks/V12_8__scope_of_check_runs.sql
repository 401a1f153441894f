-- hardening (issue 12): a 四性 check run belongs to the organisation of whoever started it, so that its
-- report (which names 档号) is read within data scope like items are (docs/adr/0031). Runs of the
-- platform itself and of callers without an organisation belong to the root: seen only from the whole tree.
alter table check_run add column org_path varchar(200);

update check_run r set org_path = o.path
from account a join org_unit o on o.id = a.org_id where a.username = r.started_by;
update check_run r set org_path = o.path
from api_token t join org_unit o on o.id = t.org_id where r.org_path is null and 'client:' || t.client = r.started_by;
update check_run set org_path = (select path from org_unit where parent_id is null) where org_path is null;

alter table check_run alter column org_path set not null;
create index check_run_org_path_idx on check_run (org_path varchar_pattern_ops, id desc);
