-- issue 20: a sweep re-validates an OCFL object (ocfl-java's structural validation) only when its root inventory
-- changed since the item's last passed check, or when that validation is older than siarchive.fixity.revalidate-after
-- (docs/adr/0113). The inventory's own digest sidecar is still checked against its bytes on every sweep.
alter table item_fixity
    add column inventory_digest       text,
    add column inventory_validated_at timestamptz;

comment on column item_fixity.inventory_digest is
    'root inventory digest (sha256:hex or sha512:hex) at the item''s last passed check; null after a failed one';
comment on column item_fixity.inventory_validated_at is
    'when the object last passed the full OCFL validation with that inventory';
