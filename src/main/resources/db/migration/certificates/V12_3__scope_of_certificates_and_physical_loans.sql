-- hardening (issue 12, scope): certificates and physical loans carry the organisation they belong to, so
-- that every read of them applies data scope as a bind parameter like items do (docs/adr/0031).
-- The organisation is the issuer's or lender's data-scope organisation at the time (its materialised path).
alter table certificate add column org_path varchar(200);
alter table physical_loan add column org_path varchar(200);

-- existing rows: the account that issued or lent them (tokens: their organisation); otherwise the root,
-- which only callers whose scope is the whole tree can see
update certificate c set org_path = o.path
from account a join org_unit o on o.id = a.org_id where a.username = c.issued_by;
update certificate c set org_path = o.path
from api_token t join org_unit o on o.id = t.org_id where c.org_path is null and 'client:' || t.client = c.issued_by;
update certificate set org_path = (select path from org_unit where parent_id is null) where org_path is null;

update physical_loan l set org_path = o.path
from account a join org_unit o on o.id = a.org_id where a.username = l.lent_by;
update physical_loan l set org_path = o.path
from api_token t join org_unit o on o.id = t.org_id where l.org_path is null and 'client:' || t.client = l.lent_by;
update physical_loan set org_path = (select path from org_unit where parent_id is null) where org_path is null;

alter table certificate alter column org_path set not null;
alter table physical_loan alter column org_path set not null;
create index certificate_org_path_idx on certificate (org_path varchar_pattern_ops, id desc);
create index physical_loan_org_path_idx on physical_loan (org_path varchar_pattern_ops);
