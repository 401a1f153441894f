-- catalog: the fonds keeps the materialised path of its organisation unit (docs/adr/0040), so data scope
-- is decided on catalog's own table. The backfill reads org_unit once, here; afterwards the catalogue
-- copies the path when it registers a fonds. Paths are ids from the root and units are never moved,
-- so a copy never goes stale.
alter table fonds add column org_path varchar(400);

update fonds f set org_path = o.path from org_unit o where o.id = f.org_id;
