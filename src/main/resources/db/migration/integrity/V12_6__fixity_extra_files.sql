-- A fixity sweep checks every stored byte of an object against its OCFL inventory (issue 12, ADR 0034):
-- a file in the object directory that the inventory does not record is its own kind of finding.
alter table fixity_finding drop constraint fixity_finding_kind_check;
alter table fixity_finding add constraint fixity_finding_kind_check
    check (kind in ('CONTENT', 'MISSING', 'DIGEST_ROW', 'SIDECAR', 'INVENTORY', 'EXTRA'));
